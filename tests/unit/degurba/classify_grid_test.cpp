// Whole-grid behaviour of the Level 1 classification: degenerate grids, no
// data, validation, options and presets (../shared/spec/degurba.md §1-§2, §7).
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/grid_input.hpp"
#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/grid_source.hpp"
#include "test_grids.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace classify_grid_test {

using namespace regio::degurba;
using namespace regio::degurba::test;

namespace {
constexpr double no_data = std::numeric_limits<double>::quiet_NaN();
}

TEST_CASE("degurba: an empty grid gives an empty classification") {
    for (const auto& [cols, rows] : {std::pair<std::int64_t, std::int64_t>{0, 0}, {0, 5}, {5, 0}}) {
        const GridClassification result = classify_grid(zero_grid(cols, rows), Options{});
        CHECK(result.cell_class.empty());
        CHECK(result.cluster_id.empty());
        CHECK(result.clusters.empty());
        CHECK(result.stats.cells == 0);
        CHECK(result.stats.population == 0.0);
    }
    Options level2;
    level2.level = Level::Two;
    CHECK(classify_grid(zero_grid(0, 0), level2).level2_class.empty());
}

TEST_CASE("degurba: an all-NaN grid is all rural and reports its no-data cells (spec §7)") {
    PopulationGrid grid = zero_grid(20, 10);
    for (auto& p : grid.population) p = no_data;
    Options options;
    options.level = Level::Two;
    const GridClassification result = classify_grid(grid, options);
    CHECK(result.stats.nodata_cells == 200);
    CHECK(result.stats.population == 0.0);
    CHECK(result.clusters.empty());
    for (const auto c : result.cell_class) CHECK(c == code::rural);
    for (const auto c : result.level2_class) CHECK(c == code::very_low_density_rural);
}

TEST_CASE("degurba: a NaN cell inside a cluster counts as 0 and does not spread") {
    PopulationGrid grid = zero_grid(6, 3);
    fill(grid, 1, 1, 0, 5, 1000);
    pop(grid, 1, 2) = no_data;  // splits the row: 2 000 and 3 000
    pop(grid, 1, 5) = 4000;  // 1000 + 1000 + 4000 on the right = 6 000
    const GridClassification result = classify_grid(grid, Options{});
    CHECK(result.stats.nodata_cells == 1);
    CHECK(class_at(result, 1, 2) == code::rural);
    CHECK(class_at(result, 1, 0) == code::rural);
    CHECK(class_at(result, 1, 3) == code::urban_cluster);
    REQUIRE(result.clusters.size() == 1);
    CHECK(result.clusters[0].population == 6000.0);
    CHECK(std::isfinite(result.stats.population));
    CHECK(result.stats.population == 8000.0);
}

TEST_CASE("degurba: a grid that is one huge cluster") {
    const std::int64_t side = 1000;
    PopulationGrid grid = zero_grid(side, side);
    for (auto& p : grid.population) p = 2000;
    const GridClassification result = classify_grid(grid, Options{});
    CHECK(result.stats.dense_clusters == 1);
    CHECK(result.stats.urban_centres == 1);
    CHECK(result.stats.urban_clusters == 1);  // the group exists but is all centre
    REQUIRE(result.clusters.size() == 1);       // so it carries no id of its own
    CHECK(result.clusters[0].cells == side * side);
    CHECK(result.clusters[0].population == 2000.0 * side * side);
    CHECK(result.clusters[0].area_km2 == 1e6);
    CHECK(result.stats.smoothing_passes == 1);  // nothing to evaluate
    for (const auto id : result.cluster_id) REQUIRE(id == 1);
}

TEST_CASE("degurba: malformed grids and options are refused") {
    PopulationGrid grid = zero_grid(3, 3);
    SECTION("population size") {
        grid.population.pop_back();
        CHECK_THROWS_AS(classify_grid(grid, Options{}), regio::DataError);
    }
    SECTION("negative or infinite population") {
        pop(grid, 1, 1) = -1;
        CHECK_THROWS_WITH(classify_grid(grid, Options{}), Catch::Contains("row 1, col 1"));
        pop(grid, 1, 1) = std::numeric_limits<double>::infinity();
        CHECK_THROWS_AS(classify_grid(grid, Options{}), regio::DataError);
    }
    SECTION("land share outside 0..1 or of the wrong size") {
        grid.land_share.assign(9, 1.0);
        grid.land_share[4] = 1.5;
        CHECK_THROWS_AS(classify_grid(grid, Options{}), regio::DataError);
        grid.land_share.assign(8, 1.0);
        CHECK_THROWS_AS(classify_grid(grid, Options{}), regio::DataError);
    }
    SECTION("cell area") {
        grid.cell_area_km2 = 0;
        CHECK_THROWS_AS(classify_grid(grid, Options{}), regio::DataError);
    }
    SECTION("built-up criterion without a built-up layer") {
        CHECK_THROWS_AS(classify_grid(grid, options_for(Preset::GHSL2022)), regio::ConfigError);
    }
    SECTION("bad thresholds") {
        Options options;
        options.urban_centre.min_population = -1;
        CHECK_THROWS_AS(classify_grid(grid, options), regio::ConfigError);
        options = Options{};
        options.max_hole_area_km2 = std::numeric_limits<double>::quiet_NaN();
        CHECK_THROWS_AS(classify_grid(grid, options), regio::ConfigError);
        options = Options{};
        options.majority_min_neighbours = 9;
        CHECK_THROWS_AS(classify_grid(grid, options), regio::ConfigError);
    }
}

TEST_CASE("degurba: NaN land share is treated as all land") {
    PopulationGrid grid = zero_grid(2, 1);
    grid.population = {5000, 0};
    grid.land_share = {no_data, 0.2};
    const GridClassification result = classify_grid(grid, Options{});
    CHECK(result.stats.unknown_land_cells == 1);
    CHECK(result.cell_class[0] == code::urban_cluster);
}

TEST_CASE("degurba: water cells are rural unless labelled (spec §2.3)") {
    PopulationGrid grid = zero_grid(3, 1);
    grid.population = {0, 0, 10};
    grid.land_share = {0.2, 0.5, 0.1};  // water needs pop 0 and land < 0.5
    CHECK(classify_grid(grid, Options{}).cell_class == std::vector<std::uint8_t>{11, 11, 11});
    Options options;
    options.water = WaterCells::Labelled;
    CHECK(classify_grid(grid, options).cell_class == std::vector<std::uint8_t>{10, 11, 11});
    grid.built_up_share = {0.01, 0, 0};  // built-up: not water
    CHECK(classify_grid(grid, options).cell_class == std::vector<std::uint8_t>{11, 11, 11});
}

TEST_CASE("degurba: the built-up criterion makes cells dense (spec §2.1 step 1)") {
    // Two cells of 25 000 with an empty, built-up cell between them: with
    // the criterion the three form one 4-connected centre of 50 000.
    PopulationGrid grid = zero_grid(5, 3);
    pop(grid, 1, 1) = 25000;
    pop(grid, 1, 3) = 25000;
    grid.built_up_share.assign(15, 0.0);
    grid.built_up_share[7] = 0.3;  // (1,2), on land 0.5 -> 60 % of its land
    grid.land_share.assign(15, 1.0);
    grid.land_share[7] = 0.5;
    CHECK(classify_grid(grid, Options{}).stats.urban_centres == 0);
    Options options;
    options.built_up_threshold = 0.5;
    const GridClassification result = classify_grid(grid, options);
    CHECK(result.stats.urban_centres == 1);
    CHECK(class_at(result, 1, 2) == code::urban_centre);
    CHECK(result.clusters.at(0).population == 50000.0);
    options.built_up_threshold = 0.7;
    CHECK(classify_grid(grid, options).stats.urban_centres == 0);
}

TEST_CASE("degurba: presets - names and codes") {
    const Options manual = options_for(Preset::Manual2021);
    CHECK(manual.urban_centre.min_density == 1500);
    CHECK(manual.urban_centre.min_population == 50000);
    CHECK(manual.urban_centre.connectivity == Connectivity::Four);
    CHECK(manual.urban_cluster.min_density == 300);
    CHECK(manual.urban_cluster.min_population == 5000);
    CHECK(manual.urban_cluster.connectivity == Connectivity::Eight);
    CHECK(manual.majority_rule == MajorityRule::R2022A);
    CHECK(manual.majority_min_neighbours == 5);
    CHECK(manual.max_hole_area_km2 == 15);
    CHECK(manual.size_test == SizeTestOrder::BeforeSmoothing);
    CHECK(manual.divisor == DensityDivisor::LandArea);
    CHECK_FALSE(manual.built_up_threshold.has_value());
    CHECK(manual.water == WaterCells::Rural);
    const Options ghsl2023 = options_for(Preset::GHSL2023);
    CHECK(ghsl2023.majority_rule == MajorityRule::R2023A);
    CHECK(ghsl2023.semi_dense_urban_cluster.min_density == 900);
    CHECK(ghsl2023.semi_dense_urban_cluster.min_population == 2500);
    CHECK(ghsl2023.semi_dense_urban_cluster.connectivity == Connectivity::Four);
    CHECK(std::string(preset_name(ghsl2023.preset)) == "GHSL2023");
    CHECK(std::string(majority_rule_name(MajorityRule::R2022A)) == "R2022A");
    CHECK(std::string(size_test_name(SizeTestOrder::AfterGapFilling)) == "after-gap-filling");
    CHECK(std::string(divisor_name(DensityDivisor::LandArea)) == "land");
    CHECK(std::string(cell_class_name(11, Level::One)) == "rural");
    CHECK(std::string(cell_class_name(11, Level::Two)) == "very low density rural");
    CHECK(level1_code(23) == 20);
    CHECK(level1_code(13) == 11);
    CHECK(level1_code(30) == 30);
    CHECK(level1_code(10) == 10);
}

TEST_CASE("degurba: population stored as float gives the same classification as doubles") {
    // grid_input stores integer-valued grids as float (exact up to 2^24 per
    // cell); every result must match the double grid, Level 1 and Level 2.
    std::mt19937 rng(4242);
    std::uniform_int_distribution<int> people(0, 2500);
    std::bernoulli_distribution missing(0.02);
    PopulationGrid grid = zero_grid(60, 50);
    for (auto& p : grid.population) p = missing(rng) ? no_data : static_cast<double>(people(rng)) * (people(rng) % 3);
    PopulationGrid compact = grid;
    compact.population_f32.assign(grid.population.begin(), grid.population.end());
    compact.population.clear();
    REQUIRE(compact.compact());
    for (const auto level : {Level::One, Level::Two}) {
        Options options;
        options.level = level;
        options.water = WaterCells::Labelled;
        const GridClassification a = classify_grid(grid, options);
        const GridClassification b = classify_grid(compact, options);
        CHECK(a.cell_class == b.cell_class);
        CHECK(a.level2_class == b.level2_class);
        CHECK(a.cluster_id == b.cluster_id);
        REQUIRE(a.clusters.size() == b.clusters.size());
        for (std::size_t k = 0; k < a.clusters.size(); ++k) {
            CHECK(a.clusters[k].population == b.clusters[k].population);
            CHECK(a.clusters[k].cells == b.clusters[k].cells);
        }
        CHECK(a.stats.population == b.stats.population);
        CHECK(a.stats.nodata_cells == b.stats.nodata_cells);
        CHECK(a.stats.population_urban_centres == b.stats.population_urban_centres);
        CHECK(a.stats.population_urban_clusters == b.stats.population_urban_clusters);
        CHECK(a.stats.population_rural == b.stats.population_rural);
        CHECK(a.stats.urban_centres > 0);
    }
}

namespace {

// An in-memory population raster in EPSG:3035 (1 km cells).
class MemoryPopulation final : public regio::io::GridSource {
public:
    MemoryPopulation(std::int64_t cols, std::int64_t rows, std::vector<double> values)
        : m_grid{4000000.0, 3000000.0, 1000.0, 1000.0, cols, rows}, m_values(std::move(values)),
          m_crs(regio::io::Crs::from_user("EPSG:3035", "--crs")) {}
    [[nodiscard]] const regio::grid::GridDefinition& grid() const override { return m_grid; }
    [[nodiscard]] const std::vector<std::string>& value_names() const override { return m_names; }
    [[nodiscard]] regio::io::Crs crs() const override { return m_crs; }
    [[nodiscard]] std::string display() const override { return "memory"; }
    void read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) override {
        out.assign(m_values.begin() + static_cast<std::ptrdiff_t>(row0 * m_grid.cols),
                   m_values.begin() + static_cast<std::ptrdiff_t>((row0 + nrows) * m_grid.cols));
    }

private:
    regio::grid::GridDefinition m_grid;
    std::vector<double> m_values;
    std::vector<std::string> m_names{"band1"};
    regio::io::Crs m_crs;
};

}  // namespace

TEST_CASE("degurba: the grid is read as float only when every value is exactly a float") {
    // Rows wider than the reader's band (2^20 cells), so that every row is a
    // band and a fractional value in a later band switches back to doubles.
    const std::int64_t cols = (std::int64_t{1} << 20) + 3;
    const std::int64_t rows = 3;
    std::vector<double> values(static_cast<std::size_t>(cols * rows));
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i % 70000);
    values[5] = no_data;
    values[7] = 16777216.0;  // 2^24: still exact as a float
    {
        MemoryPopulation source(cols, rows, values);
        const GridInput in = read_grid_input(source, {});
        REQUIRE(in.grid.compact());
        CHECK(in.grid.population.empty());
        CHECK(std::isnan(in.grid.population_at(5)));
        bool same = true;
        for (std::size_t i = 0; i < values.size(); ++i) same = same && (i == 5 || in.grid.population_at(i) == values[i]);
        CHECK(same);
    }
    values[static_cast<std::size_t>(cols + 11)] = 0.1;             // second band
    values[static_cast<std::size_t>(2 * cols + 13)] = 16777217.0;  // 2^24 + 1: not a float
    MemoryPopulation source(cols, rows, values);
    const GridInput in = read_grid_input(source, {});
    REQUIRE_FALSE(in.grid.compact());
    REQUIRE(in.grid.population_size() == values.size());
    CHECK(std::isnan(in.grid.population[5]));
    bool same = true;
    for (std::size_t i = 0; i < values.size(); ++i) same = same && (i == 5 || in.grid.population[i] == values[i]);
    CHECK(same);
}

}  // namespace classify_grid_test
