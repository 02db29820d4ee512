#pragma once
// What the outputs say about each region: its id, units, sums, whether it
// meets the thresholds and, if not, which ones and why; and the unit -> region
// map as CSV text.
#include "regio/regionalise/groups.hpp"
#include "regio/regionalise/max_p.hpp"
#include "regio/regionalise/threshold.hpp"

#include <string>
#include <vector>

namespace regio::regionalise {

struct Shortfall {
    std::size_t threshold;  // index into the thresholds
    double sum;             // what the region has (below the minimum)
};

struct RegionSummary {
    std::string id;                  // R0001, ...
    std::vector<std::size_t> units;  // ascending unit indices
    std::vector<double> sums;        // per threshold
    bool meets = true;
    std::vector<Shortfall> shortfalls;
    std::string reason;              // why it fails (empty when it meets)
};

// "R0001".."R9999", then wider ("R10000") when there are more regions, all
// with the same number of digits so that ids sort like the regions.
std::vector<std::string> region_ids(std::size_t count);

std::vector<RegionSummary> summarise(const Problem& problem, const MaxPResult& result, const Groups& groups,
                                     const std::vector<Threshold>& thresholds);

// "unit_id,region_id\n" then one line per unit in input order (ids quoted as
// RFC 4180 needs), '\n' line ends.
std::string map_csv(const std::vector<std::string>& unit_ids, const Partition& partition,
                    const std::vector<std::string>& region_ids);

}  // namespace regio::regionalise
