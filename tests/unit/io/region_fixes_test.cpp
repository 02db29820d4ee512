// --set-id and --skip-feature (issue #18 item 2): parsed, applied while the
// regions are read (before the duplicate check), and a duplicated id
// described feature by feature.
#include "regio/error.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/table/id_list.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace region_fixes_test {

using namespace regio;
using Catch::Matchers::Contains;

namespace {

struct TempGeoJson {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("regio-fixes-" + std::to_string(::getpid()) + ".geojson");
    explicit TempGeoJson(const std::string& features) {
        std::ofstream(path) << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3035"}},)"
                            << R"("features":[)" << features << "]}";
    }
    ~TempGeoJson() { std::filesystem::remove(path); }
};

// A 1 km square at 4 000 000 + x km east, 3 000 000 north (EPSG:3035).
std::string square(const std::string& props, int x) {
    const std::string x0 = std::to_string(4000000 + 1000 * x), x1 = std::to_string(4001000 + 1000 * x);
    return R"({"type":"Feature","properties":)" + props + R"(,"geometry":{"type":"Polygon","coordinates":[[[)" + x0 +
           ",3000000],[" + x1 + ",3000000],[" + x1 + ",3001000],[" + x0 + ",3001000],[" + x0 + ",3000000]]]}}";
}

const std::string kFeatures = square(R"({"code":"A","name":"Alpha"})", 0) + "," + square(R"({"code":"B","name":"Beta"})", 1) + "," +
                              square(R"({"code":"A","name":"Alpha Nord"})", 2);

}  // namespace

TEST_CASE("region fixes: parsed from the options") {
    const auto fixes = io::parse_region_fixes({"2=A2", "5=x=y"}, {7});
    CHECK(fixes.new_ids == std::map<std::int64_t, std::string>{{2, "A2"}, {5, "x=y"}});
    CHECK(fixes.skipped == std::set<std::int64_t>{7});
    CHECK_THROWS_AS(io::parse_region_fixes({"A2"}, {}), UsageError);
    CHECK_THROWS_AS(io::parse_region_fixes({"x=A2"}, {}), UsageError);
    CHECK_THROWS_AS(io::parse_region_fixes({"2="}, {}), UsageError);
    CHECK_THROWS_WITH(io::parse_region_fixes({"2=a", "2=b"}, {}), Contains("--set-id names feature 2 twice"));
    CHECK_THROWS_WITH(io::parse_region_fixes({"2=a"}, {2}), Contains("feature 2 is given both --set-id and --skip-feature"));
    CHECK_THROWS_WITH(io::parse_region_fixes({}, {3, 3}, "--from-set-id", "--from-skip-feature"),
                      Contains("--from-skip-feature names feature 3 twice"));
}

TEST_CASE("region fixes: a duplicated id is described feature by feature, with a hint") {
    const TempGeoJson file(kFeatures);
    std::vector<std::string> warnings;
    try {
        (void)io::read_regions({file.path.string(), ""}, {"code", {}, {}}, warnings);
        FAIL("no error");
    } catch (const DataError& e) {
        // FIDs 0 and 2; the name is the first text field other than the id.
        CHECK(e.message() == "duplicate region ids: 'A' is held by feature 0 'Alpha', 1 km², centroid (4000500.0, 3000500.0) and "
                             "feature 2 'Alpha Nord', 1 km², centroid (4002500.0, 3000500.0)");
        CHECK(e.where().field == "code");
        CHECK(e.hint() == "give a feature another id with --set-id FID=VALUE, or leave it out with --skip-feature FID (or fix the ids in the layer)");
    }
}

TEST_CASE("region fixes: applied while reading, before the duplicate check") {
    const TempGeoJson file(kFeatures);
    std::vector<std::string> warnings;
    std::vector<io::AppliedFix> applied;

    io::RegionReadOptions renamed{"code", {}, {}, io::parse_region_fixes({"2=A-north"}, {}), {}};
    auto regions = io::read_regions({file.path.string(), ""}, renamed, warnings, nullptr, &applied);
    CHECK(regions.ids == std::vector<std::string>{"A", "B", "A-north"});
    REQUIRE(applied.size() == 1);
    CHECK(applied[0].fid == 2);
    CHECK(applied[0].old_id == "A");
    CHECK(applied[0].new_id == std::optional<std::string>("A-north"));

    io::RegionReadOptions skipped{"code", {}, {}, io::parse_region_fixes({}, {0}), {}};
    regions = io::read_regions({file.path.string(), ""}, skipped, warnings, nullptr, &applied);
    CHECK(regions.ids == std::vector<std::string>{"B", "A"});
    CHECK(regions.feature_ids == std::vector<std::int64_t>{1, 2});
    REQUIRE(applied.size() == 1);
    CHECK(!applied[0].new_id);
    CHECK(applied[0].old_id == "A");

    // A fix naming no feature is a usage error naming it.
    io::RegionReadOptions missing{"code", {}, {}, io::parse_region_fixes({}, {9}), {}};
    CHECK_THROWS_WITH(io::read_regions({file.path.string(), ""}, missing, warnings), Contains("--skip-feature 9: the layer has no feature 9"));
    CHECK_THROWS_AS(io::read_regions({file.path.string(), ""}, missing, warnings), UsageError);
}

TEST_CASE("id lists: the first ten and the count") {
    table::IdSample ids;
    CHECK(table::format_ids(ids).empty());
    for (int i = 1; i <= 3; ++i) ids.add("r" + std::to_string(i));
    CHECK(table::format_ids(ids) == "r1, r2, r3");
    for (int i = 4; i <= 14; ++i) ids.add("r" + std::to_string(i));
    CHECK(ids.count == 14);
    CHECK(ids.first.size() == 10);
    CHECK(table::format_ids(ids) == "r1, r2, r3, r4, r5, r6, r7, r8, r9, r10 and 4 more");
}

}  // namespace region_fixes_test
