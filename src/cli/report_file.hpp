#pragma once
// The JSON report beside a command's output: checked before the work starts,
// written atomically after it.
#include "regio/io/output_plan.hpp"
#include "regio/io/table_writer.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace regio::cli {

// To the report's planned output (see io::OutputPlan): committed with the
// command's other outputs.
void write_report(const io::PlannedOutput& output, const nlohmann::ordered_json& report);
// With "outputs": one entry per table written: its destination (a database
// without its password), layer, format and the rows written (issue #16).
void write_report(const io::PlannedOutput& output, nlohmann::ordered_json report,
                  const std::vector<const io::PlannedOutput*>& tables);

// The report checked and written on its own, apart from the command's other
// outputs: the pattern of issue #12 (a report refused after the table was
// already in place). Kept for code not yet moved to io::OutputPlan.
[[deprecated("plan the report with the other outputs in an io::OutputPlan")]]
void check_report_output(const std::string& path, const io::TableOutput& main_output);
[[deprecated("plan the report with the other outputs in an io::OutputPlan")]]
void write_report(const std::string& path, const nlohmann::ordered_json& report, const io::TableOutput& main_output);

}  // namespace regio::cli
