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

// For a command whose only other output is written on its own.
void check_report_output(const std::string& path, const io::TableOutput& main_output);
void write_report(const std::string& path, const nlohmann::ordered_json& report, const io::TableOutput& main_output);

}  // namespace regio::cli
