#pragma once
// The outputs of `regio segregation`: the tidy index table (OUT.csv, or any
// table format without geometry, or a database table) and the local table
// (--local: CSV, or with the unit geometry where the units have one; issue #16).
#include "regio/io/output_plan.hpp"
#include "regio/segregation/segregation_request.hpp"

namespace regio::segregation {

struct PlannedOutputs {
    const io::PlannedOutput* indices = nullptr;
    const io::PlannedOutput* local = nullptr;  // nullptr without --local
};

// Plans -o and --local on `plan`, refusing what check_outputs refuses; the
// extra outputs (the report) are only checked to be other files.
PlannedOutputs plan_outputs(const SegregationRequest& request, io::OutputPlan& plan,
                            const std::vector<std::string>& extra_outputs = {});

// Whether --local carries the units' geometry: a format other than CSV, and
// units with geometry (--regions or --grid-codes).
bool local_has_geometry(const SegregationRequest& request);

// Writes both tables to their planned outputs; the caller commits the plan
// (all or none; a database table last).
void write_outputs(const SegregationRequest& request, const SegregationResult& result, const PlannedOutputs& outputs);

}  // namespace regio::segregation
