#pragma once
// What `aggregate grid` reports: grid total, allocated, outside, no-data
// cells, and the conservation check of the area method.
#include "regio/aggregate/aggregate_grid.hpp"
#include "regio/aggregate/points_report.hpp"

#include <nlohmann/json.hpp>

namespace regio::aggregate {

struct GridReport {
    std::string regions_source;
    std::size_t region_count = 0;
    std::vector<std::string> region_warnings;
    std::string grid_source;
    std::string method = "area";
    std::vector<double> dasymetric_fallback;  // per value, when method is dasymetric
    std::vector<double> beyond_weights;       // per value: coarse value outside the weights grid
    unsigned threads = 1;
    std::vector<Timing> timings;
};

// |allocated - inside the regions' union| / inside, per value (area method).
double conservation_error(const GridResult& result, std::size_t value);
inline constexpr double kConservationTolerance = 1e-9;

nlohmann::ordered_json to_json(const GridReport& report, const GridResult& result);
std::string summary_text(const GridReport& report, const GridResult& result);

}  // namespace regio::aggregate
