#include "regio/report_outputs.hpp"

#include "regio/io/input_spec.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/table_format.hpp"

namespace regio {

WrittenTable written_table(const io::PlannedOutput& output) {
    WrittenTable table{output.destination(), output.layer(), std::nullopt, output.rows().value_or(0)};
    if (output.format()) table.format = io::format_key(*output.format());
    return table;
}

nlohmann::ordered_json outputs_json(const std::vector<WrittenTable>& tables) {
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const WrittenTable& table : tables) {
        nlohmann::ordered_json entry;
        entry["destination"] = table.destination;
        if (!table.layer.empty()) entry["layer"] = table.layer;
        if (table.format) entry["format"] = *table.format;
        entry["rows"] = table.rows;
        entries.push_back(entry);
    }
    return entries;
}

void write_json_report(const io::PlannedOutput& output, const nlohmann::ordered_json& report) {
    // Sources are recorded without their passwords (issue #16).
    io::write_output_text(output, io::redact_secrets(report.dump(2)) + '\n');
}

}  // namespace regio
