#include "regio/degurba/degurba_report.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>

namespace regio::degurba {
namespace {

std::string rule_text(const ClusterRule& rule) {
    return fmt::format("density>={} population>={} connectivity={}", rule.min_density, rule.min_population,
                       static_cast<int>(rule.connectivity));
}

nlohmann::ordered_json rule_json(const ClusterRule& rule) {
    return {{"min_density", rule.min_density},
            {"min_population", rule.min_population},
            {"connectivity", static_cast<int>(rule.connectivity)}};
}

std::map<int, std::int64_t> count_codes(const std::vector<std::uint8_t>& codes) {
    std::array<std::int64_t, 256> n{};
    for (const auto c : codes) ++n[c];
    std::map<int, std::int64_t> out;
    for (int c = 0; c < 256; ++c)
        if (n[static_cast<std::size_t>(c)] > 0) out[c] = n[static_cast<std::size_t>(c)];
    return out;
}

nlohmann::ordered_json cells_json(const std::map<int, std::int64_t>& cells, Level level) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [code, n] : cells)
        j[std::to_string(code)] = {{"name", cell_class_name(static_cast<std::uint8_t>(code), level)}, {"cells", n}};
    return j;
}

double percent(double part, double total) { return total > 0 ? 100.0 * part / total : 0.0; }

const char* water_name(WaterCells water) { return water == WaterCells::Labelled ? "labelled" : "rural"; }
const char* rules_name(UnitRules rules) { return rules == UnitRules::Online2024 ? "online2024" : "manual2021"; }

}  // namespace

GridSummary summarise(const GridClassification& classes) {
    GridSummary s{classes.stats, classes.clusters, count_codes(classes.cell_class), std::nullopt};
    if (!classes.level2_class.empty()) s.cells_by_level2_class = count_codes(classes.level2_class);
    return s;
}

double conservation_error(const ClassificationStats& s) {
    const double parts = s.population_urban_centres + s.population_urban_clusters + s.population_rural;
    const double diff = std::abs(s.population - parts);
    return s.population > 0 ? diff / s.population : diff;
}

std::vector<std::pair<std::string, std::string>> options_metadata(const Options& o) {
    std::vector<std::pair<std::string, std::string>> m{
        {"DEGURBA_PRESET", preset_name(o.preset)},
        {"DEGURBA_LEVEL", std::to_string(static_cast<int>(o.level))},
        {"DEGURBA_DENSITY_DIVISOR", divisor_name(o.divisor)},
        {"DEGURBA_URBAN_CENTRE", rule_text(o.urban_centre)},
        {"DEGURBA_BUILT_UP_THRESHOLD", o.built_up_threshold ? fmt::format("{}", *o.built_up_threshold) : "off"},
        {"DEGURBA_SIZE_TEST", size_test_name(o.size_test)},
        {"DEGURBA_MAJORITY_RULE", fmt::format("{} min_neighbours={}", majority_rule_name(o.majority_rule),
                                              o.majority_min_neighbours)},
        {"DEGURBA_MAX_HOLE_AREA_KM2", fmt::format("{}", o.max_hole_area_km2)},
        {"DEGURBA_URBAN_CLUSTER", rule_text(o.urban_cluster)},
        {"DEGURBA_WATER", water_name(o.water)},
    };
    if (o.level == Level::Two) {
        m.emplace_back("DEGURBA_DENSE_URBAN_CLUSTER", rule_text(o.dense_urban_cluster));
        m.emplace_back("DEGURBA_SEMI_DENSE_URBAN_CLUSTER", rule_text(o.semi_dense_urban_cluster) +
                                                               fmt::format(" min_distance_m={}", o.semi_dense_min_distance_m));
        m.emplace_back("DEGURBA_RURAL_CLUSTER", rule_text(o.rural_cluster));
        m.emplace_back("DEGURBA_LOW_DENSITY_RURAL", fmt::format("density>={}", o.low_density_rural_min_density));
    }
    return m;
}

nlohmann::ordered_json to_json(const DegurbaReport& r, const GridSummary& classes, const UnitsResult* units) {
    const ClassificationStats& s = classes.stats;
    const Options& o = r.options;
    nlohmann::ordered_json j;
    j["command"] = "degurba";
    j["grid"] = {{"source", r.grid_source},
                 {"land", r.land_source.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.land_source)},
                 {"built_up", r.built_up_source.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.built_up_source)},
                 {"crs", r.crs_name},
                 {"cols", r.grid.cols},
                 {"rows", r.grid.rows},
                 {"cells", s.cells},
                 {"cell_size_m", r.grid.dx},
                 {"nodata_cells", s.nodata_cells},
                 {"unknown_land_cells", s.unknown_land_cells}};
    nlohmann::ordered_json options = {{"preset", preset_name(o.preset)},
                                      {"level", static_cast<int>(o.level)},
                                      {"density_divisor", divisor_name(o.divisor)},
                                      {"urban_centre", rule_json(o.urban_centre)},
                                      {"built_up_threshold", o.built_up_threshold ? nlohmann::ordered_json(*o.built_up_threshold)
                                                                                  : nlohmann::ordered_json()},
                                      {"size_test", size_test_name(o.size_test)},
                                      {"majority_rule", majority_rule_name(o.majority_rule)},
                                      {"majority_min_neighbours", o.majority_min_neighbours},
                                      {"max_hole_area_km2", o.max_hole_area_km2},
                                      {"urban_cluster", rule_json(o.urban_cluster)},
                                      {"water", water_name(o.water)}};
    if (o.level == Level::Two) {
        options["dense_urban_cluster"] = rule_json(o.dense_urban_cluster);
        options["semi_dense_urban_cluster"] = rule_json(o.semi_dense_urban_cluster);
        options["semi_dense_min_distance_m"] = o.semi_dense_min_distance_m;
        options["rural_cluster"] = rule_json(o.rural_cluster);
        options["low_density_rural_min_density"] = o.low_density_rural_min_density;
    }
    j["options"] = options;
    const double error = conservation_error(s);
    j["population"] = {{"total", s.population},
                       {"urban_centres", s.population_urban_centres},
                       {"urban_clusters", s.population_urban_clusters},
                       {"rural", s.population_rural},
                       {"conservation_error", error},
                       {"conserved", error <= 1e-9}};
    std::int64_t centre_cells = 0;
    std::int32_t outside = 0;
    for (const auto& c : classes.clusters)
        if (c.cell_class == code::urban_centre) centre_cells += c.cells;
        else ++outside;
    j["urban_centres"] = {{"count", s.urban_centres},
                          {"population", s.population_urban_centres},
                          {"population_share", s.population > 0 ? s.population_urban_centres / s.population : 0.0},
                          {"cells", centre_cells},
                          {"dense_clusters", s.dense_clusters},
                          {"smoothing_passes", s.smoothing_passes},
                          {"cells_added_by_smoothing", s.cells_added_by_smoothing},
                          {"holes_filled", s.holes_filled},
                          {"cells_added_by_filling", s.cells_added_by_filling}};
    j["urban_clusters"] = {{"count", s.urban_clusters},
                           {"with_cells_outside_centres", outside},
                           {"population_outside_centres", s.population_urban_clusters},
                           {"population_including_centres", s.population_urban_clusters + s.population_urban_centres}};
    j["cells_by_class"] = cells_json(classes.cells_by_class, Level::One);
    if (classes.cells_by_level2_class) j["cells_by_level2_class"] = cells_json(*classes.cells_by_level2_class, Level::Two);
    if (units) {
        std::map<std::string, std::int64_t> by_class;
        for (const auto& u : units->units) {
            ++by_class[unit_class_name(u.classification.level1)];
            if (u.classification.level2) ++by_class[std::string("level 2: ") + unit_class_name(*u.classification.level2)];
        }
        const double diff = std::abs(units->allocated - units->inside_units);
        j["units"] = {{"source", r.units_source},
                      {"name_field", r.unit_name_field.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.unit_name_field)},
                      {"count", r.unit_count},
                      {"rules", o.level == Level::Two ? rules_name(r.unit_rules) : "level 1"},
                      {"method", "exact area coverage: a cell on a border is split by share of area"},
                      {"population_inside_units", units->inside_units},
                      {"allocated", units->allocated},
                      {"conservation_error", units->inside_units > 0 ? diff / units->inside_units : diff},
                      {"by_class", by_class}};
    }
    j["assumptions"] = r.assumptions;
    j["warnings"] = r.warnings;
    nlohmann::ordered_json outputs = nlohmann::ordered_json::object();
    for (const auto& [what, path] : r.outputs) outputs[what] = path;
    j["outputs"] = outputs;
    j["threads"] = r.threads;
    nlohmann::ordered_json timings = nlohmann::ordered_json::object();
    for (const auto& [step, seconds] : r.timings) timings[step + "_s"] = seconds;
    j["timings"] = timings;
    return j;
}

std::string summary_text(const DegurbaReport& r, const GridSummary& classes, const UnitsResult* units) {
    const ClassificationStats& s = classes.stats;
    std::string out = fmt::format("degurba: {} cells of {} m ({} x {}), population {:.10g}", s.cells, r.grid.dx,
                                  r.grid.cols, r.grid.rows, s.population);
    if (s.nodata_cells > 0) out += fmt::format("; {} no-data cells counted as 0", s.nodata_cells);
    out += "\n";
    out += fmt::format("urban centres: {} holding {:.10g} ({:.1f}%); urban clusters: {} ({} with cells outside "
                       "centres, holding {:.10g}, {:.1f}%); rural: {:.10g} ({:.1f}%); conservation error {:.2e}\n",
                       s.urban_centres, s.population_urban_centres, percent(s.population_urban_centres, s.population),
                       s.urban_clusters,
                       classes.clusters.size() - static_cast<std::size_t>(s.urban_centres),
                       s.population_urban_clusters, percent(s.population_urban_clusters, s.population),
                       s.population_rural, percent(s.population_rural, s.population), conservation_error(s));
    if (units) {
        std::array<std::int64_t, 4> n{};
        for (const auto& u : units->units) ++n[static_cast<std::size_t>(u.classification.level1)];
        out += fmt::format("units: {} ({} city, {} town or semi-dense area, {} rural area); population {:.10g} "
                           "allocated of {:.10g} under the units\n",
                           units->units.size(), n[1], n[2], n[3], units->allocated, units->inside_units);
    }
    double total = 0;
    std::string steps;
    for (const auto& [step, seconds] : r.timings) {
        total += seconds;
        steps += fmt::format("{}{} {:.2f} s", steps.empty() ? "" : ", ", step, seconds);
    }
    out += fmt::format("time: {:.2f} s ({})\n", total, steps);
    return out;
}

}  // namespace regio::degurba
