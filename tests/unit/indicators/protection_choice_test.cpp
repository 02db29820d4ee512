// Per-indicator disclosure methods (issue #17): [disclosure] sets the default,
// an [[indicator]] may choose its own method and ptable; one indicator is
// suppressed while another is perturbed, each reported with what ran.
#include "regio/error.hpp"
#include "regio/indicators/cell_key_report.hpp"
#include "regio/indicators/definitions_toml.hpp"
#include "regio/indicators/protected_compute.hpp"

#include "output_rows_support.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace protection_choice_test {

using namespace regio::indicators;

namespace {

constexpr double kTwo53 = 9007199254740992.0;  // 2^53: key sums k give cell keys k / 2^53

const std::string kGroups = "[groups]\nvalues = [\"nat\", \"oth\"]\nreference = \"nat\"\ndefinition = \"birth\"\n";

// rate: the [disclosure] default (cell-key); share: suppressed.
const std::string kMixed = R"([disclosure]
method = "cell-key"
max_perturbation = 2
variance = 1
min_published = 2
)" + kGroups + R"(
[[indicator]]
name = "rate"
numerator = "e_{group}"
denominator = "p_{group}"
scale = 100

[[indicator]]
name = "share"
numerator = "e_{group}"
denominator = "p"
scale = 100
method = "suppression"
)";

// 1 -> 0 or 2 (half each); 2 -> 1, 2, 3 (1/4, 1/2, 1/4), shifted for larger counts.
std::shared_ptr<const PTable> hand_made() {
    return std::make_shared<const PTable>(PTable::from_entries({{0, 0, 1.0, 0, 0, 0}, {1, 0, 0.5, 0, 0, 0}, {1, 2, 0.5, 0, 0, 0},
                                                                {2, 1, 0.25, 0, 0, 0}, {2, 2, 0.5, 0, 0, 0}, {2, 3, 0.25, 0, 0, 0}},
                                                               "hand-made"));
}

std::string config_field(const std::string& text) {
    try {
        (void)parse_definitions(text, "defs.toml");
    } catch (const regio::ConfigError& e) {
        return e.where().field;
    }
    return "no error";
}

std::string indicator_with(const std::string& keys) {
    return "[[indicator]]\nname = \"x\"\nnumerator = \"n_{group}\"\ndenominator = \"d_{group}\"\n" + keys;
}

}  // namespace

TEST_CASE("protection: each indicator may choose its own method and ptable", "[indicators][cellkey]") {
    const Definitions d = parse_definitions(kMixed + R"(
[[indicator]]
name = "own"
numerator = "e_{group}"
denominator = "p_{group}"
max_perturbation = 3
variance = 2
min_published = 3

[[indicator]]
name = "file"
numerator = "e_{group}"
denominator = "p_{group}"
method = "cell-key"
ptable = "tables/p.csv"
key_column = "k_{group}"
)",
                                            "conf/defs.toml");
    REQUIRE(d.indicators.size() == 4);
    CHECK(!d.indicators[0].protection.has_value());  // the default
    CHECK(protection_of(d, d.indicators[0]).method == DisclosureMethod::CellKey);
    CHECK(protection_of(d, d.indicators[0]).cell_key.parameters->max_perturbation == 2);
    CHECK(protection_of(d, d.indicators[1]).method == DisclosureMethod::Suppression);
    const Protection own = protection_of(d, d.indicators[2]);
    CHECK(own.method == DisclosureMethod::CellKey);  // parameters alone under a cell-key default
    CHECK(own.cell_key.parameters->max_perturbation == 3);
    CHECK(own.cell_key.parameters->min_published == 3);
    const Protection file = protection_of(d, d.indicators[3]);
    CHECK(file.cell_key.ptable_file == "conf/tables/p.csv");  // relative to the definitions file
    CHECK(!file.cell_key.parameters.has_value());
    CHECK(file.cell_key.key_column == "k_{group}");
    CHECK(file.cell_key.total_key_column == "cellkey_count");
    CHECK(uses_method(d, DisclosureMethod::Suppression));
    CHECK(uses_method(d, DisclosureMethod::CellKey));
}

TEST_CASE("protection: an indicator's method keys are checked", "[indicators][cellkey]") {
    const std::string suppression_default = kGroups;
    const std::string cell_key_default = "[disclosure]\nmethod = \"cell-key\"\nptable = \"p.csv\"\n" + kGroups;
    // cell-key needs a ptable here or in [disclosure]
    CHECK(config_field(suppression_default + indicator_with("method = \"cell-key\"\n")) == "indicator.method");
    CHECK(config_field(cell_key_default + indicator_with("method = \"cell-key\"\n")) == "no error");
    CHECK(config_field(suppression_default + indicator_with("method = \"cell-key\"\nptable = \"q.csv\"\n")) == "no error");
    // ptable keys need method = "cell-key", its own or the default
    CHECK(config_field(suppression_default + indicator_with("variance = 2\n")) == "indicator.variance");
    CHECK(config_field(cell_key_default + indicator_with("method = \"suppression\"\nptable = \"q.csv\"\n")) == "indicator.ptable");
    CHECK(config_field(cell_key_default + indicator_with("method = \"noise\"\n")) == "indicator.method");
    CHECK(config_field(cell_key_default + indicator_with("ptable = \"q.csv\"\nvariance = 2\n")) == "indicator.ptable");
    CHECK(config_field(cell_key_default + indicator_with("max_perturbation = 2\nvariance = 1\n")) == "indicator.min_published");
    // The existing syntax is unchanged: no indicator keys, the default for all.
    const Definitions d = parse_definitions(cell_key_default + indicator_with(""), "defs.toml");
    CHECK(!d.indicators[0].protection.has_value());
    CHECK(protection_of(d, d.indicators[0]).cell_key.ptable_file == "p.csv");
}

TEST_CASE("protection: one indicator suppressed, another perturbed", "[indicators][cellkey]") {
    const Definitions d = parse_definitions(kMixed, "defs.toml");
    const DataTable data{"data.csv", {"R1", "R2"}, {2, 3},
                         {{"e_nat", {2, 12}}, {"p_nat", {10, 20}}, {"e_oth", {1, 15}}, {"p_oth", {10, 30}}, {"p", {20, 50}},
                          {"cellkey_count_nat", {kTwo53 / 2, kTwo53 / 2}}, {"cellkey_count_oth", {kTwo53 * 0.75, kTwo53 * 0.75}},
                          {"cellkey_count", {0, 0}}}};
    const Hierarchy h = build_hierarchy({data.source, "id", data.ids, data.lines});
    std::vector<ProtectionOutcome> outcomes;
    const Result result = compute_protected_indicators(d, data, h, {hand_made(), nullptr}, outcomes);
    const auto at = [&](const std::string& region, const std::string& group, std::size_t indicator) -> const OutputRow& {
        return regio_test::indicators::output_row(result, h, region, group, indicator);
    };
    // rate, perturbed: nat keys 0.5 (2 -> 2, 10 -> 10, 12 -> 12, 20 -> 20); oth keys 0.75 (1 -> 2, 10 -> 11, 15 -> 16, 30 -> 31).
    // R1's small counts stay published although share suppresses them.
    for (const char* region : {"R1", "R2"})
        for (const char* group : {"nat", "oth"}) CHECK(at(region, group, 0).flag == Flag::Perturbed);
    CHECK(*at("R1", "nat", 0).numerator == 2);
    CHECK(*at("R1", "nat", 0).value == 20);
    CHECK(*at("R1", "oth", 0).numerator == 2);
    CHECK(*at("R1", "oth", 0).denominator == 11);
    CHECK(*at("R2", "oth", 0).numerator == 16);
    CHECK(*at("R2", "oth", 0).denominator == 31);
    // share, suppressed: R1's 2 and 1 are below t_min = 10 (primary), R2 follows as their column partners (secondary).
    for (const char* region : {"R1", "R2"})
        for (const char* group : {"nat", "oth"}) {
            CHECK(at(region, group, 1).flag == Flag::Suppressed);
            CHECK(!at(region, group, 1).numerator.has_value());
        }
    REQUIRE(outcomes.size() == 2);
    CHECK(outcomes[0].protection.method == DisclosureMethod::CellKey);
    CHECK(outcomes[0].utility.counts == 8);
    CHECK(outcomes[0].utility.changed == 4);
    CHECK(outcomes[0].utility.max_abs_change == 1);
    CHECK(outcomes[0].utility.would_suppress == 3);  // R1's small counts, R2 nat's complement 20 - 12 < 10
    CHECK(outcomes[1].protection.method == DisclosureMethod::Suppression);
    CHECK(outcomes[1].primary == 2);
    CHECK(outcomes[1].secondary == 2);
    CHECK(result.primary == 2);
    CHECK(result.secondary == 2);
    CHECK(result.flags.at(Flag::Perturbed) == 4);
    CHECK(result.flags.at(Flag::Suppressed) == 4);

    // The report names per indicator what ran.
    const auto report = protection_json(d, outcomes);
    CHECK(report[0]["indicator"] == "rate");
    CHECK(report[0]["method"] == "cell-key");
    CHECK(report[0]["ptable"]["max_perturbation"] == 2);
    CHECK(report[0]["counts_changed"] == 4);
    CHECK(report[1]["indicator"] == "share");
    CHECK(report[1]["method"] == "suppression");
    CHECK(report[1]["t_min"] == 10.0);
    CHECK(report[1]["suppressed_cells"]["secondary"] == 2);
    CHECK(methods_text(d, outcomes) == "protection: rate cell-key, share suppression\n");

    // A count both publish: e_nat, e_oth exact in share where it is not suppressed, perturbed in rate.
    const auto warnings = mixed_method_warnings(d);
    REQUIRE(warnings.size() == 2);
    CHECK_THAT(warnings[0], Catch::StartsWith("count 'e_nat' is perturbed in indicator 'rate'"));

    // A wrong choice is a programming error, not silently a method.
    CHECK_THROWS_AS(compute_protected_indicators(d, data, h, {nullptr, nullptr}, outcomes), regio::Error);
}

TEST_CASE("protection: indicators with the same ptable settings share one table", "[indicators][cellkey]") {
    const Definitions d = parse_definitions(kMixed + R"(
[[indicator]]
name = "again"
numerator = "e_{group}"
denominator = "p_{group}"

[[indicator]]
name = "other"
numerator = "e_{group}"
denominator = "p_{group}"
max_perturbation = 3
variance = 2
min_published = 3
)",
                                            "defs.toml");
    const PTableChoice ptables = load_ptables(d);
    REQUIRE(ptables.size() == 4);
    CHECK(ptables[0] != nullptr);
    CHECK(ptables[1] == nullptr);
    CHECK(ptables[2] == ptables[0]);
    CHECK(ptables[3] != ptables[0]);
    CHECK(ptables[0]->min_published() == 2);
    CHECK(ptables[3]->min_published() == 3);
}

}  // namespace protection_choice_test
