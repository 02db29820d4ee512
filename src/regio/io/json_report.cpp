#include "regio/io/json_report.hpp"

#include "regio/io/input_spec.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/table_format.hpp"

namespace regio::io {

WrittenTable written_table(const PlannedOutput& table) {
    return {table.destination(), table.layer(), table.format() ? format_key(*table.format()) : "", table.rows().value_or(0)};
}

nlohmann::ordered_json outputs_json(const std::vector<WrittenTable>& tables) {
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const WrittenTable& table : tables) {
        nlohmann::ordered_json entry;
        entry["destination"] = table.destination;
        if (!table.layer.empty()) entry["layer"] = table.layer;
        if (!table.format.empty()) entry["format"] = table.format;
        entry["rows"] = table.rows;
        entries.push_back(entry);
    }
    return entries;
}

void write_json_report(const PlannedOutput& output, const nlohmann::ordered_json& report) {
    // Sources are recorded without their passwords (issue #16).
    write_output_text(output, redact_secrets(report.dump(2)) + '\n');
}

}  // namespace regio::io
