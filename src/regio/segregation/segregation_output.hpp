#pragma once
// The outputs of `regio segregation`: the tidy index table (OUT.csv) and the
// local table (--local, CSV or GeoPackage with the unit geometry).
#include "regio/segregation/segregation_request.hpp"

namespace regio::segregation {

// Writes OUT.csv and --local atomically (each to a temporary file renamed
// into place; OUT.csv is committed last).
void write_outputs(const SegregationRequest& request, const SegregationResult& result);

}  // namespace regio::segregation
