// `regio regionalise -o` in the table formats of `aggregate points` (issue
// #16): FlatGeobuf and GeoJSON hold the same regions (ids, unit counts, sums,
// flags, areas) as the GeoPackage, --of wins over the extension, and an
// unknown or geometry-less --of is a usage error naming the option. Fixture:
// regionalise_units.geojson (see regionalise_cli_test.cpp).
#include "cli_checks.hpp"
#include "run_regio.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace regionalise_formats_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;

Args command(const fs::path& dir, const std::string& output, const Args& extra = {}) {
    Args args{"regionalise", "--units", data("regionalise_units.geojson"), "--id", "code", "--data", data("regionalise_data.csv"),
              "--threshold", "pop>=1000", "--threshold", "foreigners>=100", "--within", "district", "-o", (dir / output).string(),
              "--map", (dir / "map.csv").string(), "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// One line per region, in region order: id:units:pop:foreigners:meets:area.
std::string region_rows(const std::string& ogrinfo, const fs::path& file, const std::string& geometry_column) {
    const RunResult info = run_program(ogrinfo, {"-q", "-dialect", "SQLite", "-sql",
                                                 "SELECT region_id || ':' || units || ':' || pop || ':' || foreigners || ':' || "
                                                 "meets_thresholds || ':' || CAST(ST_Area(" + geometry_column +
                                                     ") AS INTEGER) AS r FROM regions ORDER BY region_id",
                                                 file.string()});
    INFO(info.err);
    REQUIRE(info.exit_code == 0);
    std::string rows;
    const std::string tag = "r (String) = ";
    for (std::size_t at = info.out.find(tag); at != std::string::npos; at = info.out.find(tag, at + 1))
        rows += info.out.substr(at + tag.size(), info.out.find('\n', at) - at - tag.size()) + "\n";
    return rows;
}

std::string driver_of(const std::string& ogrinfo, const fs::path& file) {
    const RunResult info = run_program(ogrinfo, {"-so", file.string()});
    REQUIRE(info.exit_code == 0);
    const auto at = info.out.find("using driver `");
    REQUIRE(at != std::string::npos);
    const auto start = at + 14;
    return info.out.substr(start, info.out.find('\'', start) - start);
}

}  // namespace

TEST_CASE("regionalise: FlatGeobuf and GeoJSON hold the GeoPackage's regions", "[cli][regionalise][formats]") {
    TempDir tmp;
    const fs::path dir = tmp.subdir("out");
    for (const char* name : {"regions.gpkg", "regions.fgb", "regions.geojson"}) {
        CAPTURE(name);
        const RunResult r = run_regio(command(dir, name, {"--overwrite"}));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(read_file(dir / "map.csv") == read_file(expected("regionalise_map.csv")));
    }
    const auto ogrinfo = find_on_path("ogrinfo");
    if (!ogrinfo) {
        WARN("ogrinfo is not on PATH: the outputs are not read back");
        return;
    }
    const std::string gpkg = region_rows(*ogrinfo, dir / "regions.gpkg", "geom");
    CHECK(gpkg == "R0001:2:1100:150:1:2000000\nR0002:2:1100:150:1:2000000\nR0003:1:300:30:0:1000000\n"
                  "R0004:5:2200:290:1:5000000\nR0005:1:1500:20:0:1000000\n");
    CHECK(region_rows(*ogrinfo, dir / "regions.fgb", "geometry") == gpkg);
    CHECK(region_rows(*ogrinfo, dir / "regions.geojson", "geometry") == gpkg);
    CHECK(driver_of(*ogrinfo, dir / "regions.fgb") == "FlatGeobuf");
    CHECK(driver_of(*ogrinfo, dir / "regions.geojson") == "GeoJSON");
}

TEST_CASE("regionalise: --of wins over the extension and the report names the format", "[cli][regionalise][formats]") {
    TempDir tmp;
    const fs::path dir = tmp.subdir("out");
    const RunResult r = run_regio(command(dir, "regions.geojson", {"--of", "fgb", "--report", (dir / "report.json").string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(list_dir(dir) == std::vector<std::string>{"map.csv", "regions.geojson", "report.json"});
    const std::string json = read_file(dir / "report.json");
    CHECK_THAT(json, Contains("\"format\": \"fgb\"") && Contains("\"rows\": 5"));
    const auto ogrinfo = find_on_path("ogrinfo");
    if (!ogrinfo) {
        WARN("ogrinfo is not on PATH: the output is not read back");
        return;
    }
    CHECK(driver_of(*ogrinfo, dir / "regions.geojson") == "FlatGeobuf");
    CHECK(region_rows(*ogrinfo, dir / "regions.geojson", "geometry") ==
          "R0001:2:1100:150:1:2000000\nR0002:2:1100:150:1:2000000\nR0003:1:300:30:0:1000000\n"
          "R0004:5:2200:290:1:5000000\nR0005:1:1500:20:0:1000000\n");
}

TEST_CASE("regionalise: an unknown --of or one without geometry is a usage error", "[cli][regionalise][formats]") {
    TempDir tmp;
    const fs::path dir = tmp.subdir("out");
    expect_failure(command(dir, "regions.gpkg", {"--of", "shapefile"}), 2, "--of shapefile: unknown output format", dir);
    expect_failure(command(dir, "regions.gpkg", {"--of", "csv"}), 2, "name -o .gpkg, .fgb, .geojson or .parquet", dir);
    expect_failure(command(dir, "regions.txt"), 2, "unknown format 'txt'", dir);
}

}  // namespace regionalise_formats_cli_test
