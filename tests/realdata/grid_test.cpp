// The JRC 1 km population grid onto NUTS 2021 (conservation), and the Berlin
// 1 km cells onto Berlin's forecast areas through the vector grid and the
// raster (same totals).
#include "regio/aggregate/aggregate_grid.hpp"
#include "regio/geometry/region_checks.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/region_reader.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace grid_test {

using namespace regio;

namespace {

const std::string kData = REGIO_SHARED_DATA;

geometry::RegionSet read(const std::string& file, const std::string& layer, const std::string& id) {
    std::vector<std::string> warnings;
    return io::read_regions(io::InputSpec{kData + "/" + file, layer}, {id, {}}, warnings);
}

aggregate::GridResult run(io::GridSource& grid, const geometry::RegionSet& regions) {
    aggregate::GridOptions options;
    return aggregate::aggregate_grid(grid, regions, nullptr, options);
}

}  // namespace

TEST_CASE("real data: JRC 1 km grid onto NUTS 2021 conserves to 1e-9") {
    const auto nuts3 = read("nuts/nuts_2021_20M_3035.gpkg", "nutsrg_3", "NUTS_ID");
    const auto nuts0 = read("nuts/nuts_2021_20M_3035.gpkg", "nutsrg_0", "NUTS_ID");
    auto grid = io::open_raster_grid(kData + "/grid/JRC_1K_POP_2018.tif");
    const auto r3 = run(*grid, nuts3);
    auto grid0 = io::open_raster_grid(kData + "/grid/JRC_1K_POP_2018.tif");
    const auto r0 = run(*grid0, nuts0);

    // Allocated equals the grid total inside the regions' union (the value in
    // the few tolerated digitising overlaps counted in each region).
    const double inside = r3.inside_regions[0];
    CHECK(std::abs(r3.allocated(0) - inside - r3.in_overlaps[0]) <= 1e-12 * inside);
    CHECK(r3.in_overlaps[0] <= 1e-8 * inside);
    CHECK(r3.allocated(0) - r3.in_overlaps[0] + r3.outside(0) == Approx(r3.grid_total[0]).epsilon(1e-12));
    // Countries are the union of their level-3 regions, up to GISCO's
    // generalisation slivers (EE and UK differ by up to 1e-6 at 1:20M): the
    // same totals, exactly for most countries.
    CHECK(std::abs(r3.allocated(0) - r0.allocated(0)) <= 1e-6 * r0.allocated(0));
    std::map<std::string, double> by_country;
    for (std::size_t r = 0; r < nuts3.size(); ++r) by_country[nuts3.ids[r].substr(0, 2)] += r3.stats[0][r].sum;
    int exact = 0;
    for (std::size_t r = 0; r < nuts0.size(); ++r) {
        INFO(nuts0.ids[r]);
        const double expected = r0.stats[0][r].sum;
        const double diff = std::abs(by_country[nuts0.ids[r]] - expected);
        CHECK(diff <= 2e-6 * std::max(1.0, expected));
        exact += diff <= 1e-9 * std::max(1.0, expected);
    }
    CHECK(exact >= 33);
    // Germany's population in 2018 was about 83 million.
    for (std::size_t r = 0; r < nuts0.size(); ++r)
        if (nuts0.ids[r] == "DE") CHECK(r0.stats[0][r].sum == Approx(82.9e6).epsilon(0.02));
}

TEST_CASE("real data: Berlin cells give the same totals as a layer and as the raster") {
    const auto areas = read("city/berlin/berlin_lor_3035.gpkg", "pgr_until2020", "id");
    REQUIRE(areas.size() == 60);
    auto layer = io::open_grid_layer(kData + "/grid/berlin_region_1km_pop2018_3035.gpkg:pop_1km_2018", {"TOT_P_2018"});
    auto raster = io::open_raster_grid(kData + "/grid/JRC_1K_POP_2018.tif");
    const auto from_layer = run(*layer, areas);
    const auto from_raster = run(*raster, areas);
    CHECK(from_layer.grid_total[0] == 4618771);
    for (std::size_t r = 0; r < areas.size(); ++r) {
        INFO(areas.ids[r]);
        CHECK(from_layer.stats[0][r].sum == Approx(from_raster.stats[0][r].sum).epsilon(1e-9));
    }
    // The register counts 3.77 million residents; the 2018 grid should be close.
    CHECK(from_layer.allocated(0) == Approx(3.7e6).epsilon(0.05));
}

}  // namespace grid_test
