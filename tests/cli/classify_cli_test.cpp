// End-to-end tests of `regio classify` on the spec's worked example.
// The fixtures and what they hold: map_cli_fixtures.hpp.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace classify_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::map_cli;

// ---------------------------------------------------------------------------
// 5. regio classify on the spec's worked example (choropleth.md §3):
// y = 1, 2, 3, 5, 8, 13, 21, 34, 55, 89.
TEST_CASE("classify: the spec's worked example", "[cli][classify]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    struct Case {
        std::string method, k, name;
        Names labels;
    };
    const Case c = GENERATE(Case{"quantile", "4", "classify_quantile4", {"[1, 3.5]", "(3.5, 10.5]", "(10.5, 30.75]", "(30.75, 89]"}},
                            Case{"fisher-jenks", "3", "classify_fj3", {"[1, 21]", "(21, 55]", "(55, 89]"}});
    CAPTURE(c.method, c.k);
    const Args base{"classify", "--data", data("classify_fib.csv"), "--field", "y", "--method", c.method, "--classes", c.k};

    // JSON on stdout.
    const RunResult r = run_regio(base);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == read_file(expected(c.name + ".json")));
    if (c.method == "quantile") {
        CHECK_THAT(r.out, Contains("\"bins\": [\n    3.5,\n    10.5,\n    30.75,\n    89.0\n  ]"));
        CHECK_THAT(r.out, Contains("\"counts\": [\n    3,\n    2,\n    2,\n    3\n  ]"));
    } else {
        CHECK_THAT(r.out, Contains("\"bins\": [\n    21.0,\n    55.0,\n    89.0\n  ]"));
        CHECK_THAT(r.out, Contains("\"counts\": [\n    7,\n    2,\n    1\n  ]"));
        // GVF = 1 - 532.2143 / 7478.9 (the spec's SSD over the total sum of squares).
        const auto gvf = r.out.find("\"gvf\": ");
        REQUIRE(gvf != std::string::npos);
        CHECK(std::stod(r.out.substr(gvf + 7)) == Approx(1 - 532.2142857142857 / 7478.9).epsilon(1e-12));
    }
    CHECK_THAT(r.out, Contains("\"k\": " + c.k + ",\n  \"requested_k\": " + c.k + ","));
    for (const auto& label : c.labels) CHECK_THAT(r.out, Contains("\"" + label + "\""));

    // -o BREAKS.csv and -o BREAKS.json.
    const RunResult csv = run_regio([&] { Args a = base; a.insert(a.end(), {"-o", (out_dir / "breaks.csv").string()}); return a; }());
    INFO("stderr: " << csv.err);
    CHECK(csv.exit_code == 0);
    CHECK(csv.out.empty());
    CHECK(read_file(out_dir / "breaks.csv") == read_file(expected(c.name + ".csv")));
    const RunResult json = run_regio([&] { Args a = base; a.insert(a.end(), {"-o", (out_dir / "breaks.json").string()}); return a; }());
    CHECK(json.exit_code == 0);
    CHECK(json.out.empty());
    CHECK(read_file(out_dir / "breaks.json") == r.out);
    CHECK(list_dir(out_dir) == Names{"breaks.csv", "breaks.json"});

    // Bad inputs: nothing written.
    const fs::path bad = tmp.subdir("bad");
    expect_failure({"classify", "--data", data("classify_fib.csv"), "--field", "y", "--method", "nope"}, 2,
                   "unknown classification method 'nope'", bad);
    expect_failure({"classify", "--data", data("classify_fib.csv"), "--field", "y", "-o", (bad / "breaks.txt").string()}, 2,
                   "write breaks as .json or .csv", bad);
    expect_failure({"classify", "--data", data("classify_fib.csv"), "--field", "nope"}, 1, "no column 'nope'", bad);
    expect_failure({"classify", "--data", data("classify_fib.csv"), "--field", "y", "-o", (out_dir / "breaks.csv").string()}, 2,
                   "exists", out_dir, Names{"breaks.csv", "breaks.json"});
}

}  // namespace classify_cli_test
