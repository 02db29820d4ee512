#pragma once
// The inputs of `regio indicators` read into the compute's types: the data
// columns the definitions use, the rollup hierarchy's input, and the one
// ptable --ptable-output writes.
#include "regio/indicators/compute.hpp"
#include "regio/indicators/hierarchy.hpp"
#include "regio/indicators/indicators_operation.hpp"
#include "regio/indicators/protected_compute.hpp"
#include "regio/io/csv_table.hpp"

#include <string>

namespace regio::indicators {

// The ids (DataError for an empty one, naming file, line and field) and the
// columns the definitions need (check_columns names a missing one).
DataTable read_data(const io::CsvTable& csv, const std::string& id, const Definitions& definitions);

// --rollup nuts: by NUTS code prefix; --rollup FIELD: the parent column.
HierarchyInput hierarchy_input(const io::CsvTable& csv, const IndicatorsRequest& request, const DataTable& data,
                               const Definitions& definitions);

// The one ptable --ptable-output writes: every perturbed indicator must use
// it (UsageError otherwise, or when no indicator uses the cell-key method).
const PTable& single_ptable(const PTableChoice& ptables);

}  // namespace regio::indicators
