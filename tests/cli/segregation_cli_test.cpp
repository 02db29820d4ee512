// End-to-end tests of `regio segregation` on the worked examples of
// ../shared/spec/segregation.md §6 (tests/data/segregation_*):
//
//   segregation_example2.csv   example 2 (units u1..u4, groups a, b, c; total;
//                              districts d1 = u1, u2 and d2 = u3, u4)
//   segregation_regions.geojson  u1..u4 as 1 km squares in a 2 x 2 block (all
//                              queen neighbours; rook: u1-u2, u1-u3, u2-u4,
//                              u3-u4) and u5 far away, without data
//   segregation_grid3x3.csv    example 3 with cell codes in all three styles
//
// Expected outputs (tests/cli/expected/segregation_*.csv) were checked
// against the spec's numbers: example 2 multigroup D 0.383333, H 0.255498,
// M 0.279997, E 1.095887, D of a, b, c 0.448718, 0.205128, 0.488095, the
// location quotients of u1 2.375, 0.791667, 0; example 3 D 0.666667, D_adj
// rook 0.25, box r = 100 D 0.181818 and H 0.052151, r = 150 D 0.122449 and
// H 0.025302. At scale 3 the blocks line up with the CRS origin: northings
// 3200000 and 3200100-3200200 fall into two blocks (rows of 300 m from 0).
#include "cli_checks.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace segregation_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;

Args example2(const fs::path& out, const Args& extra = {}) {
    Args args{"segregation", "--data", data("segregation_example2.csv"), "--id", "unit", "--group", "a,b,c", "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("segregation: example 2 with regions, districts and local values", "[cli][segregation]") {
    TempDir tmp;
    RunResult r;
    const std::string csv = run_and_read(example2(tmp / "out.csv", {"--total", "total", "--regions", data("segregation_regions.geojson"),
                                                                     "--within", "district", "--local", (tmp / "local.csv").string(),
                                                                     "--report", (tmp / "report.json").string()}),
                                         tmp / "out.csv", &r);
    CHECK(csv == read_file(expected("segregation_example2.csv")));
    CHECK(read_file(tmp / "local.csv") == read_file(expected("segregation_example2_local.csv")));
    CHECK_THAT(r.err, Contains("regio: warning: 1 regions of ") && Contains("have no data row and are not units"));
    CHECK_THAT(r.err, Contains("segregation: 4 units, 3 groups (a, b, c), population 190, 2 within groups -> "));
    CHECK_THAT(r.err, Contains("mutual information 0.279997 = "));
    const std::string json = read_file(tmp / "report.json");
    CHECK_THAT(json, Contains("\"command\": \"segregation\"") && Contains("\"neighbour_pairs\": 6") && Contains("\"between\""));
}

TEST_CASE("segregation: one group against the total, no geometry", "[cli][segregation]") {
    TempDir tmp;
    const std::string csv = run_and_read(example2(tmp / "out.csv", {"--total", "total", "-q"}), tmp / "out.csv");
    // example2() names a,b,c: one group needs its own command line.
    Args one{"segregation", "--data", data("segregation_example2.csv"), "--id", "unit", "--group", "a", "--total", "total", "-q",
             "-o", (tmp / "one.csv").string()};
    CHECK(run_and_read(one, tmp / "one.csv") ==
          "within,index,group,scale,bandwidth,value,expected,ci_low,ci_high,p_value\n"
          ",dissimilarity,a,,,0.44871794871794873,,,,\n"
          ",isolation,a,,,0.5277777777777778,,,,\n"
          ",exposure,a,,,0.4722222222222222,,,,\n"
          ",entropy,a,,,0.2980457588478512,,,,\n"
          ",atkinson,a,,,0.4923600263812127,,,,\n"
          ",gini,a,,,0.6410256410256411,,,,\n");
    CHECK_THAT(csv, Contains(",multigroup_dissimilarity,,,,0.3833333333333333,,,,\n"));
}

TEST_CASE("segregation: example 3 on grid codes with contiguity, bandwidths and scales", "[cli][segregation]") {
    TempDir tmp;
    const Args args{"segregation", "--data", data("segregation_grid3x3.csv"), "--id", "cell", "--group", "A,B", "--grid-codes",
                    "--contiguity", "rook", "--index", "dissimilarity,spatial_dissimilarity,multigroup_entropy", "--bandwidth", "100,150",
                    "--scales", "1,3", "-q", "-o", (tmp / "out.csv").string(), "--local", (tmp / "local.gpkg").string()};
    CHECK(run_and_read(args, tmp / "out.csv") == read_file(expected("segregation_grid3x3.csv")));
    CHECK(fs::file_size(tmp / "local.gpkg") > 0);
    // The local GeoPackage is ready for regio map.
    const RunResult map = run_regio({"map", "--layer", (tmp / "local.gpkg").string(), "--id", "cell", "--field", "lq_A", "-o",
                                     (tmp / "lq.svg").string(), "-q"});
    INFO(map.err);
    CHECK(map.exit_code == 0);
    CHECK(count_of(read_file(tmp / "lq.svg"), "<path") >= 9);
}

TEST_CASE("segregation: simulations are seeded and fill the inference columns", "[cli][segregation]") {
    TempDir tmp;
    const Args extra{"--simulations", "99", "--seed", "7", "--index", "dissimilarity,mutual_information", "-q"};
    const std::string first = run_and_read(example2(tmp / "a.csv", extra), tmp / "a.csv");
    const std::string second = run_and_read(example2(tmp / "b.csv", extra), tmp / "b.csv");
    CHECK(first == second);
    Args one_thread = extra;
    one_thread.insert(one_thread.end(), {"--threads", "1"});
    CHECK(run_and_read(example2(tmp / "c.csv", one_thread), tmp / "c.csv") == first);
    // Every row has expected, ci_low, ci_high and p_value (the last four fields).
    std::size_t rows = 0;
    std::size_t start = first.find('\n') + 1;
    for (std::size_t end = first.find('\n', start); end != std::string::npos; start = end + 1, end = first.find('\n', start)) {
        const std::string line = first.substr(start, end - start);
        INFO(line);
        std::vector<std::string> fields(1);
        for (char ch : line) {
            if (ch == ',') fields.emplace_back();
            else fields.back().push_back(ch);
        }
        REQUIRE(fields.size() == 10);
        for (std::size_t k = 6; k < 10; ++k) CHECK_FALSE(fields[k].empty());
        ++rows;
    }
    CHECK(rows == 4);
    CHECK(run_and_read(example2(tmp / "d.csv", {"--simulations", "99", "--seed", "8", "--index", "dissimilarity,mutual_information", "-q"}),
                       tmp / "d.csv") != first);
}

TEST_CASE("segregation: a pipeline step", "[cli][segregation]") {
    TempDir tmp;
    write_file(tmp / "pipeline.toml", "[pipeline]\nname = \"segregation\"\nout = \"" + (tmp / "out").string() +
                                          "\"\n\n[[step]]\nname = \"seg\"\nrun = \"segregation\"\n[step.args]\ndata = \"" +
                                          data("segregation_example2.csv") +
                                          "\"\nid = \"unit\"\ngroup = [\"a\", \"b\", \"c\"]\nwithin = \"district\"\noutput = \"seg.csv\"\nlocal = \"local.csv\"\n");
    const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--quiet"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(read_file(tmp / "out" / "seg.csv"), Contains(",multigroup_dissimilarity,,,,0.3833333333333333,,,,\n"));
    CHECK(fs::exists(tmp / "out" / "local.csv"));
    // The checks before running know the command's columns.
    write_file(tmp / "bad.toml", "[[step]]\nname = \"seg\"\nrun = \"segregation\"\n[step.args]\ndata = \"" + data("segregation_example2.csv") +
                                     "\"\nid = \"unit\"\ngroup = [\"a\", \"x\"]\noutput = \"seg.csv\"\n");
    const RunResult bad = run_regio({"run", (tmp / "bad.toml").string(), "--out", (tmp / "out2").string()});
    CHECK(bad.exit_code != 0);
    CHECK_THAT(bad.err, Contains("group names column 'x'"));
}

}  // namespace segregation_cli_test
