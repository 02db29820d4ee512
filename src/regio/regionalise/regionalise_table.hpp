#pragma once
// The table of the dissolved regions: region_id, units, one sum per threshold
// column, meets_thresholds (1/0), in region order.
#include "regio/regionalise/region_summary.hpp"
#include "regio/regionalise/threshold.hpp"
#include "regio/table/region_table.hpp"

#include <vector>

namespace regio::regionalise {

// `unit_values` [column][unit] decides each sum column's kind: counts stay
// integers in the output when every value is one.
table::RegionTable region_table(const std::vector<RegionSummary>& regions, const std::vector<Threshold>& thresholds,
                                const std::vector<std::vector<double>>& unit_values);

}  // namespace regio::regionalise
