#pragma once
// The JSON report beside a command's output: checked before the work starts,
// written atomically after it.
#include "regio/io/table_writer.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace regio::cli {

void check_report_output(const std::string& path, const io::TableOutput& main_output);
void write_report(const std::string& path, const nlohmann::ordered_json& report, const io::TableOutput& main_output);

}  // namespace regio::cli
