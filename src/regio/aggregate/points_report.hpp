#pragma once
// What `aggregate points` reports: every record accounted for, with timings.
// Written as JSON (--report) and summarised on stderr.
#include "regio/aggregate/aggregate_points.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::aggregate {

struct Timing {
    std::string step;
    double seconds;
};

struct PointsReport {
    std::string regions_source;
    std::size_t region_count = 0;
    std::vector<std::string> region_warnings;  // repairs, empty geometries, allowed overlaps
    std::string points_source;
    std::string ref_kind;  // "line" or "feature"
    std::vector<std::string> weight_names;
    unsigned threads = 1;
    std::vector<Timing> timings;
};

nlohmann::ordered_json to_json(const PointsReport& report, const PointsResult& result);
// A few lines for stderr: read / assigned / outside / invalid and weights.
std::string summary_text(const PointsReport& report, const PointsResult& result);

}  // namespace regio::aggregate
