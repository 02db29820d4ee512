#pragma once
// The wide form of `regio indicators` (for GeoPackage output): one row per
// region, and for every indicator x group (and gap) a numeric column
// "<indicator>_<group>" (Missing unless the flag is ok, so suppressed values
// never appear) and a text column "<indicator>_<group>_flag".
#include "regio/indicators/compute.hpp"
#include "regio/table/region_table.hpp"

#include <string>
#include <vector>

namespace regio::indicators {

// Rows are `ids` in that order; an id that is not an output region of the
// hierarchy gets Missing values and the flag "no_data".
table::RegionTable wide_indicators_table(const Definitions& definitions, const Hierarchy& hierarchy, const Result& result,
                                         const std::string& id_name, const std::vector<std::string>& ids);

}  // namespace regio::indicators
