// End-to-end tests of `regio compare`: the validation table of two estimates
// against a reference (exact output), the summary line and report, the exact
// parent check failing (exit 1, table still written), and bad input.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace compare_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

std::vector<std::string> compare_args(const std::string& second, const fs::path& out) {
    return {"compare", "--reference", data("compare_reference.csv"), "--id", "id", "--columns", "pop,foreign",
            "--estimate", data("compare_crosswalk.csv"), "--estimate-name", "crosswalk",
            "--second", data(second), "--second-name", "records", "--second-suffix", "_sum",
            "--parents", data("compare_parents.csv"), "--parent-digits", "2", "-o", out.string()};
}

// A pipeline of one compare step on the fixtures (columns as a TOML array, extra lines of args).
std::string compare_pipeline(const std::string& columns, const std::string& extra) {
    return "[[step]]\nname = \"validation\"\nrun = \"compare\"\n[step.args]\n"
           "reference = \"" + data("compare_reference.csv") + "\"\nid = \"id\"\ncolumns = " + columns +
           "\nestimate = \"" + data("compare_crosswalk.csv") + "\"\nparents = \"" + data("compare_parents.csv") +
           "\"\nparent-digits = 2\n" + extra + "output = \"validation.csv\"\n";
}

}  // namespace

TEST_CASE("compare: two estimates against a reference, with the exact parent check", "[cli][compare]") {
    TempDir tmp;
    auto args = compare_args("compare_records.csv", tmp / "validation.csv");
    args.insert(args.end(), {"--report", (tmp / "report.json").string()});
    const RunResult r = run_regio(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "validation.csv") == read_file(expected("compare_validation.csv")));
    // Crosswalk: pop APEs 10, 5, 0 -> median 5; foreign 40, 10 -> median 25, worst 40.
    // Records: pop 5, 2.5, 0 -> median 2.5; foreign 10, 2.5 -> worst 10.
    CHECK(r.err == "validation on 3 regions: crosswalk median APE 15.0 %, worst 40.0 % (foreign in 0110); "
                   "records median APE 4.4 %, worst 10.0 % (foreign in 0110); 2 unchanged parents exact\n");
    const std::string report = read_file(tmp / "report.json");
    CHECK_THAT(report, Contains("\"summary\": \"validation on 3 regions:") && Contains("\"exact\": true"));
}

TEST_CASE("compare: an estimate that moved a person across a parent border fails the exact check", "[cli][compare]") {
    TempDir tmp;
    const RunResult r = run_regio(compare_args("compare_records_moved.csv", tmp / "validation.csv"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("exact check failed: pop of records summed over parent 01 differs from the parent's count by 1") &&
                          Contains("hint: the estimate moved counts across the border"));
    // The table is written, so the failure can be looked at.
    CHECK_THAT(read_file(tmp / "validation.csv"), Contains("records,pop,0110,3,0,2.5,4,350,350,1,0"));
}

TEST_CASE("compare: a failed exact check writes the table but no report, in a new directory too", "[cli][compare]") {
    TempDir tmp;
    auto args = compare_args("compare_records_moved.csv", tmp / "validation.csv");
    args.insert(args.end(), {"--report", (tmp / "reports" / "report.json").string()});
    const RunResult r = run_regio(args);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("exact check failed: pop of records summed over parent 01"));
    CHECK(fs::exists(tmp / "validation.csv"));
    CHECK_FALSE(fs::exists(tmp / "reports"));
}

TEST_CASE("compare: bad input is one clear line", "[cli][compare]") {
    TempDir tmp;
    SECTION("a column the estimate lacks") {
        auto args = compare_args("compare_records.csv", tmp / "v.csv");
        args[6] = "pop,foreign,age";
        const RunResult r = run_regio(args);
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains("compare_reference.csv") && Contains("age"));
        CHECK(!fs::exists(tmp / "v.csv"));
    }
    SECTION("parents without their id length") {
        auto args = compare_args("compare_records.csv", tmp / "v.csv");
        args.resize(args.size() - 4);  // drop --parent-digits 2 -o ...
        args.insert(args.end(), {"-o", (tmp / "v.csv").string()});
        const RunResult r = run_regio(args);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("--parent-digits"));
    }
    SECTION("an existing output without --overwrite") {
        write_file(tmp / "v.csv", "x\n");
        const RunResult r = run_regio(compare_args("compare_records.csv", tmp / "v.csv"));
        CHECK(r.exit_code == 2);
        CHECK(read_file(tmp / "v.csv") == "x\n");
    }
}

TEST_CASE("compare: in a pipeline, a reference column that does not exist stops the run before any step", "[cli][compare][run]") {
    TempDir tmp;
    write_file(tmp / "pipeline.toml", compare_pipeline(R"(["pop", "age"])", ""));
    const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--out", (tmp / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("step validation") && Contains("columns names column 'age', which is not in reference file") &&
                          Contains("nothing was run"));
    CHECK(!fs::exists(tmp / "out" / "validation.csv"));
}

TEST_CASE("compare: integer options of a pipeline step are values, not flags (2 and 0 alike)", "[cli][compare][run]") {
    TempDir tmp;
    write_file(tmp / "pipeline.toml", compare_pipeline(R"(["pop"])", "tolerance = 0\n"));
    const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--out", (tmp / "out").string(), "--dry-run"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("--parent-digits 2 ") && Contains("--tolerance 0 "));
}

}  // namespace compare_cli_test
