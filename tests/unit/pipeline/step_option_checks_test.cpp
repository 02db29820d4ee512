// A step's options against its command's catalog entry (issue #13).
#include "regio/pipeline/step_option_checks.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace step_option_checks_test {

using namespace regio::pipeline;
using Catch::Matchers::Contains;

namespace {

CommandInfo classify_command() {
    return {"classify", "", {{"data", OptionKind::Input, ValueType::Text, true, false, ""},
                             {"field", OptionKind::Value, ValueType::Text, true, false, ""},
                             {"classes", OptionKind::Value, ValueType::Integer, false, false, ""},
                             {"center", OptionKind::Value, ValueType::Number, false, false, ""},
                             {"breaks", OptionKind::Value, ValueType::List, false, false, ""},
                             {"overwrite", OptionKind::Flag, ValueType::Text, false, false, ""},
                             {"output", OptionKind::Output, ValueType::Text, false, false, ""}}};
}

std::vector<std::string> problems_of(const std::vector<Arg>& args) {
    Step step{"s", "classify", args, 3};
    std::vector<std::string> problems;
    check_step_options(classify_command(), step, "step s (line 3)", problems);
    return problems;
}

}  // namespace

TEST_CASE("step options: a complete step has no problems") {
    CHECK(problems_of({{"data", "t.csv", false, 5}, {"field", "v", false, 6}, {"classes", "+4", false, 7}, {"center", "-1.5e3", false, 8},
                       {"breaks", "1,x", false, 9}, {"overwrite", "true", true, 10}, {"output", "@other", false, 11}})
              .empty());
}

TEST_CASE("step options: each kind of problem, with its line") {
    const auto problems = problems_of({{"data", "t.csv", false, 5}, {"classes", "4.5", false, 6}, {"center", "mid", false, 7},
                                       {"colour", "red", false, 8}, {"overwrite", "yes", false, 9}, {"output", "true", true, 10}});
    REQUIRE(problems.size() == 6);
    CHECK(problems[0] == "step s (line 3): line 6: classes takes an integer, not '4.5'");
    CHECK(problems[1] == "step s (line 3): line 7: center takes a number, not 'mid'");
    CHECK(problems[2] == "step s (line 3): line 8: 'colour' is not an option of classify");
    CHECK_THAT(problems[3], Contains("line 9: overwrite is a flag"));
    CHECK_THAT(problems[4], Contains("line 10: output takes a value"));
    CHECK(problems[5] == "step s (line 3): classify needs --field");
}

TEST_CASE("step options: integers and numbers as CLI11 reads them") {
    CHECK(type_problem(ValueType::Integer, "12").empty());
    CHECK(type_problem(ValueType::Integer, "-3").empty());
    CHECK(type_problem(ValueType::Integer, "") == "an integer");
    CHECK(type_problem(ValueType::Integer, "1e3") == "an integer");
    CHECK(type_problem(ValueType::Number, "1e-07").empty());
    CHECK(type_problem(ValueType::Number, "0.5x") == "a number");
    CHECK(type_problem(ValueType::Text, "anything").empty());
}

}  // namespace step_option_checks_test
