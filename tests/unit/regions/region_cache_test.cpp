// The run's region cache (issue #13): a set read once is shared by later
// loads of the same file and settings, and released when no later step
// names its file.
#include "regio/regions/region_cache.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace region_cache_test {

using namespace regio::regions;
namespace fs = std::filesystem;

namespace {

RegionSource source_of(const std::string& file) {
    RegionSource source;
    source.regions = std::string(REGIO_TEST_DATA) + "/" + file;
    source.id = "region_id";
    return source;
}

std::string canonical(const std::string& file) { return fs::canonical(std::string(REGIO_TEST_DATA) + "/" + file).string(); }

}  // namespace

TEST_CASE("region cache: shared while held, released unless a later step names the file", "[regions][run]") {
    RegionCache cache;
    const RegionSource abc = source_of("regions_abc.geojson");
    const RegionSource grid = source_of("regions_grid.geojson");
    const CheckedRegions first = cache.load(abc, 1, nullptr);
    cache.load(grid, 1, nullptr);
    const CheckedRegions again = cache.load(abc, 1, nullptr);
    CHECK(cache.loads() == 2);
    CHECK(cache.shared() == 1);
    CHECK(again.regions.ids == first.regions.ids);

    // Only regions_abc is named later: the grid's set goes.
    cache.release_all_but({canonical("regions_abc.geojson")});
    CHECK(cache.held() == 1);
    CHECK(cache.released() == 1);
    cache.load(abc, 1, nullptr);
    CHECK(cache.shared() == 2);

    // Nothing named later: everything goes, and a later load reads again.
    cache.release_all_but({});
    CHECK(cache.held() == 0);
    CHECK(cache.released() == 2);
    cache.load(abc, 1, nullptr);
    CHECK(cache.loads() == 3);
}

}  // namespace region_cache_test
