// OptionSet (issue #13): the declarations a command makes in the library, in
// the order help shows them, each builder call recorded in its spec, an
// earlier declaration adjusted by its long name, and the long names the
// front-ends and the pipeline know options by.
#include "regio/options/option_set.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace option_set_test {

using namespace regio::options;

namespace {

OptionSpec spec_named(std::string names) {
    OptionSpec spec;
    spec.names = std::move(names);
    return spec;
}

std::vector<std::string> declared_names(const OptionSet& options) {
    std::vector<std::string> names;
    for (const auto& d : options.declarations()) names.push_back(d.spec.names);
    return names;
}

}  // namespace

TEST_CASE("option set: declarations keep the order they were made in", "[options]") {
    std::string data, output;
    bool quiet = false;
    int classes = 5;
    OptionSet options;
    options.add("--data", data, "Input table");
    options.flag("-q,--quiet", quiet, "No progress");
    options.add("-o,--output", output, "Output file");
    options.add("--classes", classes, "Number of classes");
    CHECK(declared_names(options) == std::vector<std::string>{"--data", "-q,--quiet", "-o,--output", "--classes"});
    CHECK(options.declarations()[1].spec.help == "No progress");
}

TEST_CASE("option set: each declaration points at the field it was bound to", "[options]") {
    std::string output;
    bool overwrite = false;
    std::optional<double> cap;
    OptionSet options;
    options.add("-o,--output", output, "Output file");
    options.flag("--overwrite", overwrite, "Replace the output");
    options.add("--cap", cap, "Upper bound");
    const auto& declarations = options.declarations();
    REQUIRE(declarations.size() == 3);
    CHECK(std::get<std::string*>(declarations[0].target) == &output);
    CHECK(std::get<bool*>(declarations[1].target) == &overwrite);
    CHECK(std::get<std::optional<double>*>(declarations[2].target) == &cap);
}

TEST_CASE("option set: long names of long, short and positional declarations", "[options]") {
    CHECK(long_name(spec_named("-o,--output")) == "output");
    CHECK(long_name(spec_named("--x")) == "x");
    CHECK(long_name(spec_named("crosswalks")) == "crosswalks");
    CHECK(long_name(spec_named("-q")) == "q");
    CHECK(is_positional(spec_named("crosswalks")));
    CHECK_FALSE(is_positional(spec_named("-q")));
    CHECK_FALSE(is_positional(spec_named("--x")));
}

TEST_CASE("option set: option() adjusts an earlier declaration by its long name", "[options]") {
    std::string output, report;
    OptionSet options;
    options.add("-o,--output", output, "Output file");
    options.add("--report", report, "JSON report");
    options.option("--output").help("Output table (CSV or GeoPackage)").required();
    const auto& adjusted = options.declarations().front().spec;
    CHECK(adjusted.names == "-o,--output");
    CHECK(adjusted.help == "Output table (CSV or GeoPackage)");
    CHECK(adjusted.required);
    CHECK(options.declarations().back().spec.help == "JSON report");
    CHECK_FALSE(options.declarations().back().spec.required);
}

TEST_CASE("option set: option() of an undeclared name is a programming error", "[options]") {
    std::string output;
    OptionSet options;
    options.add("-o,--output", output, "Output file");
    CHECK_THROWS_AS(options.option("--nope"), std::logic_error);
    CHECK_THROWS_WITH(options.option("--nope"), "no option --nope declared");
}

TEST_CASE("option set: each builder call is recorded in the spec", "[options]") {
    std::string method, input, name;
    std::vector<std::string> columns;
    double share = 0.5, distance = 1, weight = 2;
    OptionSet options;
    options.add("--input", input, "Input layer").value_name(kInputLayer).required().excludes("--points").needs("--id");
    options.add("--columns", columns, "Columns").delimiter(',').repeatable();
    options.add("--share", share, "Share").show_default().range(0, 1);
    options.add("--distance", distance, "Distance").non_negative();
    options.add("--weight", weight, "Weight").positive();
    options.add("--method", method, "Method").one_of({"area", "centroid"});
    options.add("--name", name, "Name").one_of_any_case({"Jenks", "Quantile"});
    const auto& d = options.declarations();
    REQUIRE(d.size() == 7);

    const OptionSpec& in = d[0].spec;
    CHECK(in.value_name == kInputLayer);
    CHECK(in.required);
    CHECK(in.excludes == std::vector<std::string>{"--points"});
    CHECK(in.needs == std::vector<std::string>{"--id"});
    CHECK_FALSE(in.show_default);
    CHECK(in.delimiter == '\0');
    CHECK_FALSE(in.repeatable);
    CHECK(in.check.kind == ValueCheck::Kind::None);

    CHECK(d[1].spec.delimiter == ',');
    CHECK(d[1].spec.repeatable);
    CHECK(d[1].spec.value_name.empty());

    CHECK(d[2].spec.show_default);
    CHECK(d[2].spec.check.kind == ValueCheck::Kind::Range);
    CHECK(d[2].spec.check.low == 0);
    CHECK(d[2].spec.check.high == 1);

    CHECK(d[3].spec.check.kind == ValueCheck::Kind::NonNegative);
    CHECK(d[4].spec.check.kind == ValueCheck::Kind::Positive);

    CHECK(d[5].spec.check.kind == ValueCheck::Kind::OneOf);
    CHECK(d[5].spec.check.choices == std::vector<std::string>{"area", "centroid"});
    CHECK_FALSE(d[5].spec.check.ignore_case);

    CHECK(d[6].spec.check.kind == ValueCheck::Kind::OneOf);
    CHECK(d[6].spec.check.choices == std::vector<std::string>{"Jenks", "Quantile"});
    CHECK(d[6].spec.check.ignore_case);
}

}  // namespace option_set_test
