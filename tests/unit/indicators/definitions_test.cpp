// Indicator definitions from TOML: the schema, defaults, and ConfigErrors that
// name the file, line and key; missing data columns as DataErrors naming the
// column and the indicator that needs it.
#include "regio/error.hpp"
#include "regio/indicators/definitions_toml.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace definitions_test {

using namespace regio::indicators;
using Catch::Matchers::Contains;

namespace {

const std::string kGroups = R"(
[groups]
values = ["national", "eu", "non_eu"]
reference = "national"
definition = "citizenship"
)";

const std::string kEmployment = R"(
[[indicator]]
name = "employment_rate"
numerator = "employed_sum_{group}"
denominator = "working_age_sum_{group}"
)";

// The ConfigError of parsing `text`, as "field|message|line".
std::string config_error(const std::string& text) {
    try {
        (void)parse_definitions(text, "defs.toml");
    } catch (const regio::ConfigError& e) {
        CHECK(e.where().file == "defs.toml");
        return e.where().field + "|" + e.message() + "|" + std::to_string(e.where().line.value_or(0));
    }
    FAIL("no ConfigError for:\n" << text);
    return {};
}

}  // namespace

TEST_CASE("indicators: definitions: full schema and defaults", "[indicators]") {
    const Definitions d = parse_definitions(R"(
[disclosure]
t_min = 5
publish_zero = false
complement_check = false
)" + kGroups + R"(
[[indicator]]
name = "employment_rate"
label = "Employment rate"
age_band = "20-64"
numerator = "employed_sum_{group}"
denominator = "working_age_sum_{group}"
total_numerator = "employed_sum"
total_denominator = "working_age_sum"
scale = 100
gap = true

[[indicator]]
name = "unemployment_rate"
numerator = "unemployed_sum_{group}"
denominator = ["employed_sum_{group}", "unemployed_sum_{group}"]
groups = ["non_eu", "national"]

[[indicator]]
name = "non_eu_share"
numerator = "residents_sum_non_eu"
denominator = "residents_sum"
groups = ["non_eu"]
scale = 100.0
)", "defs.toml");
    CHECK(d.source == "defs.toml");
    CHECK(d.disclosure.t_min == 5);
    CHECK(!d.disclosure.publish_zero);
    CHECK(!d.disclosure.complement_check);
    CHECK(d.groups.values == std::vector<std::string>{"national", "eu", "non_eu"});
    CHECK(d.groups.reference == "national");
    CHECK(d.groups.definition == GroupDefinition::Citizenship);
    REQUIRE(d.indicators.size() == 3);
    const Indicator& e = d.indicators[0];
    CHECK(e.full_label() == "Employment rate (20-64)");
    CHECK(e.total_numerator == Terms{"employed_sum"});
    CHECK(e.scale == 100);
    CHECK(e.gap);
    CHECK(e.groups == d.groups.values);
    const Indicator& u = d.indicators[1];
    CHECK(u.full_label() == "unemployment_rate");
    CHECK(u.denominator == Terms{"employed_sum_{group}", "unemployed_sum_{group}"});
    CHECK(u.groups == std::vector<std::string>{"non_eu", "national"});
    CHECK(u.scale == 1);
    CHECK(!u.gap);
    CHECK(!u.has_total());
    CHECK(u.per_group_denominator());
    CHECK(!d.indicators[2].per_group_denominator());
    CHECK(expand("a_{group}_b_{group}", "eu") == "a_eu_b_eu");

    const Definitions defaults = parse_definitions(kGroups + kEmployment, "x.toml");
    CHECK(defaults.disclosure.t_min == 10);
    CHECK(defaults.disclosure.publish_zero);
    CHECK(defaults.disclosure.complement_check);
}

TEST_CASE("indicators: definitions: errors name the key", "[indicators]") {
    CHECK_THAT(config_error(kGroups + kEmployment + "nmerator = \"x\"\n"),
               Contains("indicator.nmerator|unknown key 'nmerator' in [[indicator]] 1 'employment_rate'|11"));
    CHECK_THAT(config_error("[disclosure]\nt_min = -1\n" + kGroups + kEmployment), Contains("disclosure.t_min|'t_min' must be a number >= 0 in [disclosure]|2"));
    CHECK_THAT(config_error("[disclosure]\nt_mni = 5\n" + kGroups + kEmployment), Contains("disclosure.t_mni|unknown key"));
    // toml++'s value<bool>() would read 1 as true
    CHECK_THAT(config_error("[disclosure]\npublish_zero = 1\n" + kGroups + kEmployment),
               Contains("disclosure.publish_zero|'publish_zero' must be true or false in [disclosure]|2"));
    CHECK_THAT(config_error("colour = 1\n" + kGroups + kEmployment), Contains("colour|unknown key 'colour' in the file|1"));
    CHECK_THAT(config_error(kEmployment), Contains("groups|missing table [groups]"));
    CHECK_THAT(config_error(kGroups), Contains("indicator|define one or more [[indicator]] tables"));
    CHECK_THAT(config_error("[groups]\nvalues = [\"a\"]\ndefinition = \"origin\"\n" + kEmployment),
               Contains("groups.definition|definition must be \"citizenship\" or \"birth\""));
    CHECK_THAT(config_error("[groups]\nvalues = [\"a\", \"total\"]\ndefinition = \"birth\"\n" + kEmployment), Contains("groups.values|"));
    CHECK_THAT(config_error("[groups]\nvalues = [\"a\"]\nreference = \"b\"\ndefinition = \"birth\"\n" + kEmployment),
               Contains("groups.reference|reference 'b' is not one of the values"));
    CHECK_THAT(config_error(kGroups + "[[indicator]]\nname = \"x\"\nnumerator = \"a_{group}\"\n"),
               Contains("indicator.denominator|missing key 'denominator' in [[indicator]] 1 'x'"));
    CHECK_THAT(config_error(kGroups + "[[indicator]]\nname = \"x\"\nnumerator = \"a\"\ndenominator = \"b\"\n"),
               Contains("indicator.numerator|'numerator' has no {group}"));
    CHECK_THAT(config_error(kGroups + "[[indicator]]\nname = \"x\"\nnumerator = \"a_{grp}\"\ndenominator = \"b\"\n"),
               Contains("indicator.numerator|'numerator' = 'a_{grp}' has braces other than {group}"));
    CHECK_THAT(config_error(kGroups + kEmployment + "total_numerator = \"e\"\n"),
               Contains("indicator.total_numerator|'total_numerator' and 'total_denominator' go together"));
    CHECK_THAT(config_error(kGroups + kEmployment + "groups = [\"eu\", \"nordic\"]\n"),
               Contains("indicator.groups|group 'nordic' is not in [groups] values"));
    CHECK_THAT(config_error(kGroups + kEmployment + "groups = [\"eu\", \"non_eu\"]\ngap = true\n"),
               Contains("indicator.gap|gap = true needs the reference group 'national'"));
    CHECK_THAT(config_error(kGroups + kEmployment + "scale = \"100\"\n"), Contains("indicator.scale|'scale' must be a number >= 0"));
    CHECK_THAT(config_error(kGroups + kEmployment + kEmployment), Contains("indicator.name|duplicate indicator name in [[indicator]] 2"));
    CHECK_THAT(config_error(kGroups + kEmployment + "name2 = [1,\n"), Contains("|"));  // a TOML syntax error, with its line
    CHECK_THROWS_AS(read_definitions("/nonexistent/defs.toml"), regio::IoError);
}

TEST_CASE("indicators: definitions: missing data columns", "[indicators]") {
    const Definitions d = parse_definitions(kGroups + kEmployment + "total_numerator = \"employed_sum\"\ntotal_denominator = \"wa\"\n",
                                            "defs.toml");
    std::vector<std::string> columns{"id", "employed_sum"};
    for (const char* g : {"national", "eu", "non_eu"}) {
        columns.push_back(std::string("employed_sum_") + g);
        columns.push_back(std::string("working_age_sum_") + g);
    }
    CHECK_NOTHROW(check_columns(d, [&] { auto c = columns; c.push_back("wa"); return c; }(), "data.csv"));
    columns.erase(columns.begin() + 5);  // working_age_sum_eu
    try {
        check_columns(d, columns, "data.csv");
        FAIL("no DataError");
    } catch (const regio::DataError& e) {
        CHECK(e.where().file == "data.csv");
        CHECK(e.where().field == "working_age_sum_eu");
        CHECK_THAT(e.message(), Contains("needed by indicator 'employment_rate', denominator, group 'eu' in defs.toml"));
    }
}

}  // namespace definitions_test
