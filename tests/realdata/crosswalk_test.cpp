// NUTS 2016 -> 2021 (levels 2 and 3) and Berlin's forecast areas 2020 -> 2021
// with the JRC 1 km grid as population weights.
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/overlay.hpp"
#include "regio/harmonise/pair_weights.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/region_reader.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

using namespace regio;

namespace {

const std::string kData = REGIO_SHARED_DATA;

geometry::RegionSet read(const std::string& file, const std::string& layer, const std::string& id) {
    std::vector<std::string> warnings;
    return io::read_regions(io::InputSpec{kData + "/" + file, layer}, {id, {}}, warnings);
}

std::map<std::string, harmonise::Change> changes_by_key(const std::vector<harmonise::Change>& changes) {
    std::map<std::string, harmonise::Change> out;
    for (const auto& c : changes) out.emplace(c.side + ":" + c.id, c);
    return out;
}

struct Built {
    harmonise::OverlayResult overlay;
    harmonise::BuildResult built;
    std::map<std::string, harmonise::Change> changes;
};

Built build(const geometry::RegionSet& a, const geometry::RegionSet& b, bool weights) {
    Built out;
    out.overlay = harmonise::overlay(a, b, 2);
    std::vector<double> w;
    if (weights) {
        auto grid = io::open_raster_grid(kData + "/grid/JRC_1K_POP_2018.tif");
        w = harmonise::pair_weights_from_grid(*grid, out.overlay, 2);
    }
    out.built = harmonise::build_crosswalk(out.overlay, a.ids, b.ids, weights ? &w : nullptr, {});
    out.changes = changes_by_key(harmonise::classify_changes(out.built.crosswalk, a.ids, b.ids, nullptr, nullptr, {}));
    return out;
}

}  // namespace

TEST_CASE("real data: NUTS 2016 -> 2021 level 2 changes") {
    const auto a = read("nuts/nuts_2016_03M_3035.gpkg", "nutsrg_2", "NUTS_ID");
    const auto b = read("nuts/nuts_2021_03M_3035.gpkg", "nutsrg_2", "NUTS_ID");
    const Built x = build(a, b, true);
    const auto& c = x.changes;
    CHECK(c.at("from:HR04").type == harmonise::ChangeType::Split);
    CHECK(c.at("from:HR04").counterparts == std::vector<std::string>{"HR02", "HR05", "HR06"});
    for (const char* id : {"to:HR02", "to:HR05", "to:HR06"}) CHECK(c.at(id).type == harmonise::ChangeType::Split);
    // Norway regrouped: none of the old NO01/03/04/05 continues unchanged.
    for (const char* id : {"from:NO01", "from:NO03", "from:NO04", "from:NO05"}) {
        INFO(id);
        CHECK(c.at(id).type != harmonise::ChangeType::Unchanged);
        CHECK(c.at(id).type != harmonise::ChangeType::Recoded);
    }
    for (const char* id : {"to:NO08", "to:NO09", "to:NO0A"}) CHECK(c.count(id) == 1);
    // Units with no change stay unchanged despite generalisation.
    for (const char* id : {"from:DE30", "from:FR10", "from:ITI4", "from:PL91", "from:AT13"}) {
        INFO(id);
        CHECK(c.at(id).type == harmonise::ChangeType::Unchanged);
    }
    int unchanged = 0;
    for (const auto& [key, change] : c) unchanged += change.side == "from" && change.type == harmonise::ChangeType::Unchanged;
    CHECK(unchanged > 300);
    // Every source's shares sum to 1, by area and by population.
    std::map<std::string, std::pair<double, double>> sums;
    for (const auto& r : x.built.crosswalk.rows) {
        sums[r.from_id].first += r.area_share_from;
        sums[r.from_id].second += r.weight_share_from;
    }
    for (const auto& [id, s] : sums) {
        INFO(id);
        CHECK(s.first == Approx(1.0).epsilon(1e-12));
        CHECK(s.second == Approx(1.0).epsilon(1e-12));
    }
}

TEST_CASE("real data: NUTS 2016 -> 2021 level 3 changes") {
    const auto a = read("nuts/nuts_2016_03M_3035.gpkg", "nutsrg_3", "NUTS_ID");
    const auto b = read("nuts/nuts_2021_03M_3035.gpkg", "nutsrg_3", "NUTS_ID");
    const Built x = build(a, b, false);
    const auto& c = x.changes;
    CHECK(c.at("from:UKN10").type == harmonise::ChangeType::Recoded);
    CHECK(c.at("from:UKN10").counterparts == std::vector<std::string>{"UKN0A"});
    CHECK(c.at("from:HR041").type == harmonise::ChangeType::Recoded);
    CHECK(c.at("to:BE328").type == harmonise::ChangeType::Merged);
    CHECK(c.at("to:BE328").counterparts == std::vector<std::string>{"BE324", "BE327"});
    CHECK(c.at("from:BE221").type == harmonise::ChangeType::BoundaryShift);
    CHECK(c.at("from:DE300").type == harmonise::ChangeType::Unchanged);
    // The overlay covers the old area: pieces sum to the source areas.
    double pieces = 0, sources = 0;
    for (const auto& p : x.overlay.pairs) pieces += p.area;
    for (double v : x.overlay.from_area) sources += v;
    CHECK(pieces == Approx(sources).epsilon(1e-4));  // the rest: 2016 land missing from 2021 (none) or slivers
}

TEST_CASE("real data: Berlin forecast areas 2020 -> 2021 carry table t1 with totals preserved") {
    const auto a = read("city/berlin/berlin_lor_3035.gpkg", "pgr_until2020", "id");
    const auto b = read("city/berlin/berlin_lor_3035.gpkg", "pgr_from2021", "id");
    const Built x = build(a, b, true);
    const io::CsvTable data = io::read_csv_table(kData + "/city/berlin/population/berlin-lor-population-2020-02-t1-forecast-areas.csv");
    harmonise::ApplyOptions options;
    options.id = "id";
    options.extensive = {"inhabitants", "inhabitants_foreigners"};
    options.intensive = {{"inhabitants_foreigners_percentage", "inhabitants"}};
    options.weight = harmonise::ApplyWeight::Population;
    const auto result = harmonise::apply_crosswalk(x.built.crosswalk, data, options);
    CHECK(result.ids_not_in_crosswalk.empty());
    CHECK(result.sources_not_in_data.empty());
    CHECK(result.total_before[0] == 3769962);
    CHECK(std::abs(result.total_after[0] - result.total_before[0]) <= 1e-9 * result.total_before[0]);
    CHECK(std::abs(result.total_after[1] - 789076) <= 1e-9 * 789076);
    CHECK(result.table.rows() == 58);
    // The 12 districts did not change: their totals carry over exactly.
    std::map<std::string, double> before, after;
    for (std::size_t r = 0; r < data.rows.size(); ++r) before[data.rows[r][0].substr(0, 2)] += data.number(r, 1);
    for (std::size_t t = 0; t < result.table.rows(); ++t)
        after[result.table.ids()[t].substr(0, 2)] += result.table.columns()[0].values[t];
    REQUIRE(before.size() == 12);
    for (const auto& [district, total] : before) {
        INFO("district " << district);
        CHECK(std::abs(after[district] - total) <= 1e-9 * total);
    }
    // The intensive column is the moved numerator over the moved denominator.
    for (std::size_t t = 0; t < result.table.rows(); ++t)
        CHECK(result.table.columns()[2].values[t] ==
              Approx(100.0 * result.table.columns()[1].values[t] / result.table.columns()[0].values[t]).epsilon(1e-9));
}
