#pragma once
// The JSON report of a command, written as one of its planned outputs (see
// OutputPlan) so that it is committed with the tables it describes: the
// report's "outputs" entries and the redacted text. Used by the library
// operations that write their report with their outputs and by the CLI's
// report_file.
#include "regio/io/output_plan.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace regio::io {

// A table as the report names it: its destination (a database without its
// password), layer, format key (empty: none planned) and the rows written.
struct WrittenTable {
    std::string destination;
    std::string layer;
    std::string format;
    std::size_t rows = 0;
};

// What `table` wrote (call after it was written).
WrittenTable written_table(const PlannedOutput& table);

// The report's "outputs": one entry per table written (issue #16).
nlohmann::ordered_json outputs_json(const std::vector<WrittenTable>& tables);

// Writes `report` (indented by 2, sources without their passwords) to the
// report's planned output.
void write_json_report(const PlannedOutput& output, const nlohmann::ordered_json& report);

}  // namespace regio::io
