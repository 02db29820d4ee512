#pragma once
// The wide output of `regio indicators`: one feature per region, written to
// a GeoPackage, FlatGeobuf, GeoJSON or Parquet file or a database table.
#include "regio/geometry/region_set.hpp"
#include "regio/indicators/indicators_operation.hpp"
#include "regio/io/output_plan.hpp"

#include <string>
#include <vector>

namespace regio::indicators {

// The regions of --regions in their order, with their geometry, then the
// output regions that have none (rollup parents, data rows not in
// --regions), written without geometry. Warns (into `warnings`) about data
// rows without a region and regions without a data row.
RegionJoin write_wide_table(const IndicatorsRequest& request, const io::PlannedOutput& output, geometry::RegionSet regions,
                            const IndicatorsResult& result, std::vector<std::string>& warnings);

}  // namespace regio::indicators
