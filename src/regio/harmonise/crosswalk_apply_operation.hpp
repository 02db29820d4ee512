#pragma once
// `regio crosswalk apply` as a library operation: carries a table (CSV, one
// row per source unit) from the source units of a crosswalk onto its target
// units (apply.hpp), checks that the totals balance, and writes the carried
// table (CSV, a database table, or a GeoPackage, GeoJSON or Parquet table
// without geometry; issue #16) and the JSON report as one set of outputs:
// all or none. Its registry entry (crosswalk_apply_command.hpp) binds the
// options to the request; the CLI prints the summary and the warnings.
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/apply_weight.hpp"
#include "regio/report/report_output.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/progress.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::harmonise {

struct CrosswalkApplyRequest {
    std::string crosswalk;                // CROSSWALK.csv of crosswalk build or chain
    std::string data;                     // CSV, one row per source unit
    std::string id;                       // column of `data` with the source unit ids
    std::vector<std::string> extensive;   // count columns
    std::vector<std::string> intensive;   // rate columns as COLUMN:DENOMINATOR
    std::string weight;                   // "area", "population", or "" (see decide_weight)
    std::string delimiter;                // of `data`; empty: detected
    std::string encoding;                 // of `data`; empty: UTF-8
    LossPolicy loss = LossPolicy::Refuse; // shares of a source that do not sum to 1
    std::string uncertainty_column;       // "": no such column in the output
    io::TableDestination output;          // "-": CSV on standard output
    std::string report;                   // "": no report
    io::Overwrite overwrite = io::Overwrite::No;
};

struct CrosswalkApplyResult {
    WeightDecision weighting;
    ApplyResult carried;                   // the carried table and its totals
    std::vector<std::string> extensive;    // the extensive columns, as requested
    bool near_boundary = false;            // the crosswalk has near-boundary shares
    std::vector<std::string> warnings;     // without "regio: warning: ", in the order printed
    std::vector<report::WrittenTable> outputs; // the table written

    // The report as written with --report.
    [[nodiscard]] nlohmann::ordered_json to_json(const CrosswalkApplyRequest& request) const;
    // The summary lines (no final newline): the weighting, each extensive
    // column's totals equation, and the near-boundary targets.
    [[nodiscard]] std::string summary() const;
};

// Throws UsageError for a wrong request (no column to carry, a bad
// --intensive or --weight, an output format that cannot hold the table, an
// output that exists or is an input), IoError/DataError naming file, line and
// column for bad inputs, and DataError when the totals do not balance (unless
// the loss is accepted). Nothing is written then.
CrosswalkApplyResult run(const CrosswalkApplyRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::harmonise
