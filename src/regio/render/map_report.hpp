#pragma once
// What `regio map --report FILE` records (issue #18 items 1 and 8): what was
// drawn, in the shape of the other commands' reports: the regions, the
// classes with their breaks, labels, colours and counts, the areas without
// data or confidential, the rows and regions the join left unmatched, and
// the output files. No timings: the report is the same on every run.
#include "regio/render/choropleth_plan.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::render {

struct MapReport {
    std::string regions_source;  // FILE[:LAYER]
    std::size_t region_count = 0;
    std::string data_source;  // --data (empty: a field of the layer)
    std::string field;
    std::vector<std::string> panels;  // facet values ({""} without facets)
    std::size_t regions_without_row = 0;  // (region, panel) pairs without a data row
    std::size_t rows_without_region = 0;  // data rows whose id matches no region
    std::string method;
    double simplify_px = 0;  // display simplification in pixels (0: none)
    std::vector<std::pair<std::string, std::string>> outputs;  // option, file
    std::vector<std::string> warnings;
};

nlohmann::ordered_json to_json(const MapReport& report, const ChoroplethPlan& plan);

}  // namespace regio::render
