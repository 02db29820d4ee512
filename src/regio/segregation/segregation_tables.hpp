#pragma once
// The two tables of `regio segregation` as region tables, for the outputs
// that are not CSV (a GeoPackage, FlatGeobuf, GeoJSON or Parquet layer, or a
// database table; issue #16). The CSV files are written as they always were
// (SegregationResult::csv and the feature table of --local), byte for byte.
#include "regio/segregation/segregation_request.hpp"
#include "regio/table/region_table.hpp"

#include <string>

namespace regio::segregation {

// The index table in the columns of OUT.csv: within (the id column, empty
// for the whole input), index, group, scale, bandwidth, value, expected,
// ci_low, ci_high, p_value. What OUT.csv leaves empty is null here.
table::RegionTable index_table(const SegregationResult& result);

// The local table: the unit id (column `id`), lq_<group> per group and
// local_entropy, one row per unit in data order (the order of result.shapes).
table::RegionTable local_table(const std::string& id, const SegregationResult& result);

}  // namespace regio::segregation
