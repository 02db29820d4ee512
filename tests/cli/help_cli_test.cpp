// regio --help, --version, `regio help ...` and command-line usage errors.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <cctype>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace help_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

// A complete, valid aggregate points command line (nothing is run on it when
// a usage error comes first).
std::vector<std::string> valid_points_args(const std::string& output) {
    return {"aggregate", "points", "--regions", data("regions_abc.geojson"), "--id", "region_id",
            "--points", data("points_edges.csv"), "--points-crs", "EPSG:3035", "-o", output};
}

void check_points_help(const std::string& text) {
    CHECK_THAT(text, Contains("--regions"));
    CHECK_THAT(text, Contains("--id"));
    CHECK_THAT(text, Contains("--points-crs"));
    CHECK_THAT(text, Contains("--weight"));
    CHECK_THAT(text, Contains("--by"));
    CHECK_THAT(text, Contains("--allow-overlaps"));
    // The output columns and the boundary rule are documented.
    CHECK_THAT(text, Contains("Columns: <id>, count, <weight>_sum"));
    CHECK_THAT(text, Contains("count_<v>, <weight>_sum_<v>"));
    CHECK_THAT(text, Contains("read = assigned + outside all\nregions + invalid"));
    CHECK_THAT(text, Contains("Boundary rule"));
}

}  // namespace

TEST_CASE("regio --help lists the commands", "[cli][help]") {
    const RunResult r = run_regio({"--help"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, StartsWith("regio: "));
    CHECK_THAT(r.out, Contains("Usage: regio"));
    CHECK_THAT(r.out, Contains("aggregate"));
    CHECK_THAT(r.out, Contains("--version"));
    CHECK(r.err.empty());
}

TEST_CASE("regio without arguments shows the help", "[cli][help]") {
    const RunResult r = run_regio({});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Usage: regio"));
    CHECK_THAT(r.out, Contains("aggregate"));
}

TEST_CASE("regio --version names regio, GDAL, GEOS and PROJ", "[cli][help]") {
    const RunResult r = run_regio({"--version"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    // Exactly four lines, in this order, each "NAME version".
    const std::vector<std::string> prefixes{"regio ", "GDAL ", "GEOS ", "PROJ "};
    std::vector<std::string> lines;
    std::string line;
    for (const char c : r.out) {
        if (c == '\n') {
            lines.push_back(line);
            line.clear();
        } else {
            line += c;
        }
    }
    CHECK(line.empty());  // ends with a newline
    REQUIRE(lines.size() == prefixes.size());
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
        CHECK_THAT(lines[i], StartsWith(prefixes[i]));
        CHECK(lines[i].size() > prefixes[i].size());  // a version follows
    }
    CHECK(std::isdigit(static_cast<unsigned char>(lines[0][6])));  // "regio N.N.N"
}

TEST_CASE("regio help aggregate points shows the command's help", "[cli][help]") {
    const RunResult r = run_regio({"help", "aggregate", "points"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    check_points_help(r.out);
}

TEST_CASE("regio aggregate points --help shows the command's help", "[cli][help]") {
    const RunResult r = run_regio({"aggregate", "points", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("Usage: regio aggregate points"));
    check_points_help(r.out);
}

// Known bug (reported): `regio help aggregate points` prints "Usage: points
// [OPTIONS]", without the "regio aggregate" prefix that `--help` shows.
TEST_CASE("regio help aggregate points shows the full usage line", "[cli][help]") {
    const RunResult r = run_regio({"help", "aggregate", "points"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Usage: regio aggregate points [OPTIONS]"));
}

TEST_CASE("regio help aggregate lists its subcommands", "[cli][help]") {
    const RunResult r = run_regio({"help", "aggregate"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("points"));
    CHECK_THAT(r.out, Contains("Count and sum point records"));
}

TEST_CASE("regio help with an unknown command word is a usage error", "[cli][help]") {
    const RunResult r = run_regio({"help", "aggregate", "nosuch"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: no command 'nosuch' in 'regio aggregate'"));
    CHECK(r.out.empty());
}

TEST_CASE("an unknown command is a usage error", "[cli][usage]") {
    const RunResult r = run_regio({"frobnicate"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: "));
    CHECK_THAT(r.err, Contains("frobnicate"));
    CHECK_THAT(r.err, Contains("regio --help"));
    CHECK(r.out.empty());
}

TEST_CASE("an unknown option is a usage error", "[cli][usage]") {
    TempDir tmp;
    auto args = valid_points_args((tmp / "out.csv").string());
    args.push_back("--frobnicate");
    const RunResult r = run_regio(args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: "));
    CHECK_THAT(r.err, Contains("--frobnicate"));
    CHECK(list_dir(tmp.path()).empty());
}

TEST_CASE("aggregate without a subcommand is a usage error", "[cli][usage]") {
    const RunResult r = run_regio({"aggregate"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: "));
    CHECK_THAT(r.err, Contains("subcommand is required"));
}

TEST_CASE("a missing required option is a usage error that names it", "[cli][usage]") {
    TempDir tmp;
    const std::string out = (tmp / "out.csv").string();
    SECTION("--id") {
        const RunResult r = run_regio({"aggregate", "points", "--regions", data("regions_abc.geojson"), "--points",
                                       data("points_edges.csv"), "--points-crs", "EPSG:3035", "-o", out});
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, StartsWith("regio: error: --id is required"));
    }
    SECTION("--output") {
        const RunResult r = run_regio({"aggregate", "points", "--regions", data("regions_abc.geojson"), "--id",
                                       "region_id", "--points", data("points_edges.csv"), "--points-crs", "EPSG:3035"});
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, StartsWith("regio: error: --output is required"));
    }
    CHECK(list_dir(tmp.path()).empty());
}

TEST_CASE("an out-of-range --threads is a usage error", "[cli][usage]") {
    TempDir tmp;
    auto args = valid_points_args((tmp / "out.csv").string());
    args.insert(args.end(), {"--threads", "5000"});
    const RunResult r = run_regio(args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: --threads"));
    CHECK(list_dir(tmp.path()).empty());
}

TEST_CASE("an unknown --points-crs is a usage error", "[cli][usage]") {
    TempDir tmp;
    auto args = valid_points_args((tmp / "out.csv").string());
    args[9] = "EPSG:9999999";
    const RunResult r = run_regio(args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: --points-crs 'EPSG:9999999' is not a CRS"));
    CHECK_THAT(r.err, Contains("hint: "));
    CHECK(list_dir(tmp.path()).empty());
}

// Known bug (reported): after "no command 'nosuch' in 'regio'", regio prints
// the help of `regio help` (the parsed subcommand) instead of regio's own
// list of commands.
TEST_CASE("regio help with an unknown command lists regio's commands", "[cli][help]") {
    const RunResult r = run_regio({"help", "nosuch"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: no command 'nosuch' in 'regio'"));
    CHECK_THAT(r.err, Contains("Aggregate points or grid cells onto regions"));
}

}  // namespace help_cli_test
