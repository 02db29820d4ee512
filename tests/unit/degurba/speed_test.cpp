// The whole of Europe at 1 km is ~25 million cells; the Level 1
// classification must take well under 5 s on one core. These tests time a
// synthetic 5000 x 5000 grid with a generous bound for slow CI machines.
#include "regio/degurba/classify_grid.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace speed_test {

using namespace regio::degurba;

namespace {

constexpr std::int64_t side = 5000;

// Deterministic xorshift so the grid is the same on every machine.
struct Random {
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    std::uint64_t next() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
    std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
};

// Sparse rural background (a third of the cells empty, some NaN) with
// thousands of towns and cities of every size, each a peak that falls off
// with distance, so every step of the method has work to do.
PopulationGrid synthetic_europe() {
    PopulationGrid grid;
    grid.cols = side;
    grid.rows = side;
    grid.population.resize(static_cast<std::size_t>(side * side));
    Random random;
    for (auto& p : grid.population) {
        const std::int64_t roll = random.below(300);
        p = roll < 100 ? 0.0 : static_cast<double>(roll % 80);
        if (roll == 299) p = std::numeric_limits<double>::quiet_NaN();
    }
    for (int town = 0; town < 20000; ++town) {
        const std::int64_t r0 = random.below(side);
        const std::int64_t c0 = random.below(side);
        const std::int64_t radius = 1 + random.below(town % 50 == 0 ? 25 : 6);
        const double peak = static_cast<double>(400 + random.below(8000));
        for (std::int64_t r = std::max<std::int64_t>(0, r0 - radius); r <= std::min(side - 1, r0 + radius); ++r)
            for (std::int64_t c = std::max<std::int64_t>(0, c0 - radius); c <= std::min(side - 1, c0 + radius); ++c) {
                const auto d2 = static_cast<double>((r - r0) * (r - r0) + (c - c0) * (c - c0));
                const double value = peak / (1.0 + d2 / static_cast<double>(radius));
                double& p = grid.population[static_cast<std::size_t>(r * side + c)];
                if (!(p >= value)) p = value;
            }
    }
    return grid;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("degurba: speed - Level 1 on a synthetic 5000 x 5000 grid") {
    const PopulationGrid grid = synthetic_europe();
    auto start = std::chrono::steady_clock::now();
    const GridClassification result = classify_grid(grid, Options{});
    const double level1 = seconds_since(start);
    INFO("Level 1: " << level1 << " s, " << result.stats.urban_centres << " centres, " << result.clusters.size()
                     << " clusters, " << result.stats.smoothing_passes << " smoothing passes, "
                     << result.stats.holes_filled << " holes filled");
    CHECK(result.stats.urban_centres > 10);
    CHECK(result.clusters.size() > 100);
    CHECK(level1 < 10.0);

    Options options;
    options.level = Level::Two;
    start = std::chrono::steady_clock::now();
    const GridClassification both = classify_grid(grid, options);
    const double level2 = seconds_since(start);
    INFO("Level 1 + 2: " << level2 << " s");
    const bool same_level1 = both.cell_class == result.cell_class;  // not expanded: 25 M values
    CHECK(same_level1);
    CHECK(level2 < 20.0);
}

TEST_CASE("degurba: speed - a 5000 x 5000 grid that is one dense cluster") {
    PopulationGrid grid;
    grid.cols = side;
    grid.rows = side;
    grid.population.assign(static_cast<std::size_t>(side * side), 2000.0);
    const auto start = std::chrono::steady_clock::now();
    const GridClassification result = classify_grid(grid, Options{});
    const double elapsed = seconds_since(start);
    INFO("one cluster: " << elapsed << " s");
    CHECK(result.stats.urban_centres == 1);
    CHECK(result.clusters.at(0).cells == side * side);
    CHECK(elapsed < 10.0);
}

}  // namespace speed_test
