#pragma once
// The last part of every JSON run report, in the library so that operations
// which write their report with their other outputs (one io::OutputPlan,
// committed together: issue #12) share it:
// "outputs", one entry per table written (issue #16), and the report's text
// with database passwords removed.
#include "regio/io/output_plan.hpp"
#include "regio/io/region_fixes.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace regio::report {

// A table as written: what the report's "outputs" lists. Kept by value so a
// result can outlive the output plan that wrote it.
struct WrittenTable {
    std::string destination;  // the file's final path, or a database without its password
    std::string layer;        // empty: the file's stem (not listed)
    std::string format;       // empty: by the extension (not listed)
    std::size_t rows = 0;

    [[nodiscard]] static WrittenTable of(const io::PlannedOutput& output);
};

// [{"destination":..,"layer":..,"format":..,"rows":..}, ...]
nlohmann::ordered_json outputs_json(const std::vector<WrittenTable>& tables);

// An operation's report as written: its figures, then "region_fixes" (when
// --set-id or --skip-feature were used), then "outputs".
nlohmann::ordered_json finish_report(nlohmann::ordered_json figures, const std::vector<io::AppliedFix>& region_fixes,
                                     const std::vector<WrittenTable>& outputs);

// Writes the report (2-space indented JSON, one newline) to its planned
// output, sources recorded without their passwords (issue #16).
void write_report_text(const io::PlannedOutput& output, const nlohmann::ordered_json& report);

// The report of segregation, compare and atlas, planned on `plan` with the
// errors those commands always gave when they checked their report apart
// from their outputs: "--report and --output name the same file" when it is
// `main_output` (a file; "" for none), and the io::OutputFile wording
// ("output X exists", "output -: ..."). nullptr without a report.
const io::PlannedOutput* plan_report_apart(io::OutputPlan& plan, const std::string& report, const std::string& main_output);

}  // namespace regio::report
