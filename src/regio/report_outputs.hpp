#pragma once
// The tables an operation wrote, as its JSON report lists them under
// "outputs" (issue #16), and the report written to its planned output.
#include "regio/io/output_plan.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace regio {

struct WrittenTable {
    std::string destination;  // the file, or a database's connection without its password
    std::string layer;        // empty: not named
    std::optional<std::string> format;
    std::size_t rows = 0;
};

// After the table writers ran on it (they record the rows).
WrittenTable written_table(const io::PlannedOutput& output);

// One entry per table: destination, layer (when named), format (when known), rows.
nlohmann::ordered_json outputs_json(const std::vector<WrittenTable>& tables);

// The report's text, sources without their passwords, to a planned output.
void write_json_report(const io::PlannedOutput& output, const nlohmann::ordered_json& report);

}  // namespace regio
