// How sure the crosswalk of Berlin's 2020 planning areas -> 2021 forecast
// areas is (issue #19), within the unchanged districts (--within-prefix 2)
// and with a 20 m tolerance, weighted by the JRC 1 km grid: every row that
// received noise carries a near-boundary share, sources that go whole into
// one forecast area carry only their slivers (small), and the largest shares
// belong to planning areas that the 2021 lines split.
#include "regio/harmonise/boundary_noise.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/near_boundary.hpp"
#include "regio/harmonise/overlay.hpp"
#include "regio/harmonise/pair_weights.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/region_reader.hpp"
#include "realdata_support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace near_boundary_test {

using namespace regio;

TEST_CASE("real data: near-boundary shares of Berlin planning areas 2020 -> forecast areas 2021") {
    const std::string data = REGIO_SHARED_DATA;
    // The layer as published gives feature 204 the id of 205; its own id is
    // 04030417 (see regionalise_test.cpp), set through a read-only view.
    const regio_realdata::TempDir tmp("regio-near-boundary");
    const auto vrt = regio_realdata::planning_areas_2020_view(tmp.path(), data);
    std::vector<std::string> warnings;
    const auto a = io::read_regions(io::InputSpec{vrt.string(), "plr"}, {"id", {}}, warnings);
    const auto b = io::read_regions(io::InputSpec{data + "/city/berlin/berlin_lor_3035.gpkg", "pgr_from2021"}, {"id", {}}, warnings);
    const std::string grid_file = data + "/grid/JRC_1K_POP_2018.tif";
    harmonise::BoundaryNoiseOptions options;
    options.tolerance_m = 20;
    for (const auto& id : a.ids) options.from_parents.push_back(id.substr(0, 2));
    for (const auto& id : b.ids) options.to_parents.push_back(id.substr(0, 2));

    harmonise::OverlayResult overlay = harmonise::overlay(a, b, 2);
    std::vector<double> weights = harmonise::pair_weights_from_grid(*io::open_raster_grid(grid_file), overlay, 2);
    const harmonise::NoiseResult noise = harmonise::resolve_boundary_noise(overlay, &weights, a, b, options, 2);
    const harmonise::NearBoundaryPieces near = harmonise::near_boundary_pieces(overlay, noise, a, b, options.tolerance_m, 2);
    std::vector<geometry::MultiPolygon> bands;
    for (const auto& band : near.bands) bands.push_back(band.shape);
    const std::vector<double> in_bands = harmonise::shape_weights_from_grid(*io::open_raster_grid(grid_file), bands, 2);
    auto built = harmonise::build_crosswalk(overlay, a.ids, b.ids, &weights, {});
    harmonise::attach_near_boundary(built.crosswalk, overlay, a.ids, b.ids,
                                    harmonise::near_boundary_shares(overlay, near, &weights, harmonise::BandWeight::Measured, &in_bands));

    // Rows that received noise weight (by id pair).
    std::set<std::pair<std::string, std::string>> noisy;
    for (const auto& p : noise.pieces)
        if (p.weight > 0) noisy.emplace(a.ids[p.from], b.ids[p.given_to]);
    REQUIRE(noisy.size() > 100);
    int whole = 0, split = 0, noisy_rows = 0;
    double largest_whole = 0, largest_split = 0;
    for (const auto& row : built.crosswalk.rows) {
        INFO(row.from_id << " -> " << row.to_id);
        CHECK(row.near_boundary_weight_share >= 0);
        CHECK(row.near_boundary_weight_share <= 1);
        if (noisy.count({row.from_id, row.to_id})) {
            ++noisy_rows;
            CHECK(row.near_boundary_weight_share > 0);
        }
        if (row.weight_share_from == 1.0) {
            ++whole;
            largest_whole = std::max(largest_whole, row.near_boundary_weight_share);
        } else {
            ++split;
            largest_split = std::max(largest_split, row.near_boundary_weight_share);
        }
    }
    CHECK(noisy_rows == static_cast<int>(noisy.size()));
    // Most planning areas lie whole in one forecast area: only their slivers
    // (a few m wide along a 2 km outline) are near a boundary.
    CHECK(whole > 400);
    CHECK(largest_whole < 0.03);
    CHECK(split > 10);
    CHECK(largest_split > 0.5);
    const auto summary = harmonise::summarise_near_boundary(built.crosswalk);
    CHECK(summary.weight_share > 0);
    CHECK(summary.weight_share < 0.01);
}

}  // namespace near_boundary_test
