#pragma once
// What `regio degurba` reports: the grid, the options (degurba.md §7: record
// preset, order flags and thresholds), cells per class, urban centres and
// clusters with their populations and the conservation check
// population = centres + clusters + rural, the units, timings. Written as
// JSON (--report) and summarised on stderr.
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/options.hpp"
#include "regio/degurba/unit_classes.hpp"
#include "regio/grid/grid_definition.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace regio::degurba {

struct DegurbaReport {
    std::string grid_source;
    std::string land_source;      // empty without --land
    std::string built_up_source;  // empty without --built-up
    grid::GridDefinition grid;
    std::string crs_name;
    Options options;
    std::string units_source;  // empty without --units
    std::string unit_name_field;  // --unit-name; empty without
    std::size_t unit_count = 0;
    UnitRules unit_rules = UnitRules::Online2024;
    std::vector<std::string> assumptions;                     // what was taken as given, e.g. all land without --land
    std::vector<std::string> warnings;                        // units repaired, options adjusted, ...
    std::vector<std::pair<std::string, std::string>> outputs;  // what -> path
    unsigned threads = 1;
    std::vector<std::pair<std::string, double>> timings;  // step -> seconds
};

// What the report and the summary take from a grid classification: its
// figures without the per-cell arrays (25 million cells for Europe), so that
// a result can keep them after the arrays are gone.
struct GridSummary {
    ClassificationStats stats;
    std::vector<ClusterSummary> clusters;
    std::map<int, std::int64_t> cells_by_class;                        // Level 1 code -> cells
    std::optional<std::map<int, std::int64_t>> cells_by_level2_class;  // with Level::Two only
};
GridSummary summarise(const GridClassification& classes);

// |population - (centres + clusters + rural)| / population (0 for an empty grid).
double conservation_error(const ClassificationStats& stats);

// The options as key/value pairs (raster metadata, report).
std::vector<std::pair<std::string, std::string>> options_metadata(const Options& options);

nlohmann::ordered_json to_json(const DegurbaReport& report, const GridSummary& classes, const UnitsResult* units);
std::string summary_text(const DegurbaReport& report, const GridSummary& classes, const UnitsResult* units);

}  // namespace regio::degurba
