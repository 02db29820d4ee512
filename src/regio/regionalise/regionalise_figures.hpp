#pragma once
// The parts of regionalise::run() that turn the computed regions into the
// result's figures and warnings (see regionalise_operation.hpp).
#include "regio/io/output_plan.hpp"
#include "regio/regionalise/max_p.hpp"
#include "regio/regionalise/region_summary.hpp"
#include "regio/regionalise/regionalise_operation.hpp"
#include "regio/regionalise/unit_values.hpp"

#include <string>
#include <vector>

namespace regio::regionalise {

// The figures of the report: contiguity, runs, failing regions, totals
// (out.thresholds must be set).
void add_figures(const Problem& problem, const MaxPResult& maxp, const std::vector<RegionSummary>& summaries, const UnitValues& values,
                 const std::vector<std::string>& unit_ids, RegionaliseResult& out);

// The warnings about units without data, rows without a unit and failing
// regions: kept in out.warnings and passed to `warn` (when set).
void pass_warnings(RegionaliseResult& out, const WarningFn& warn);

}  // namespace regio::regionalise
