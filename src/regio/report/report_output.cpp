#include "regio/report/report_output.hpp"

#include "regio/io/input_spec.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/table_format.hpp"
#include "regio/error.hpp"
#include "regio/regions/checked_regions.hpp"

#include <filesystem>

namespace regio::report {

WrittenTable WrittenTable::of(const io::PlannedOutput& output) {
    WrittenTable table;
    table.destination = output.destination();
    table.layer = output.layer();
    if (output.format()) table.format = io::format_key(*output.format());
    table.rows = output.rows().value_or(0);
    return table;
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

nlohmann::ordered_json finish_report(nlohmann::ordered_json figures, const std::vector<io::AppliedFix>& region_fixes,
                                     const std::vector<WrittenTable>& outputs) {
    regions::add_region_fixes(figures, region_fixes);
    figures["outputs"] = outputs_json(outputs);
    return figures;
}

void write_report_text(const io::PlannedOutput& output, const nlohmann::ordered_json& report) {
    io::write_output_text(output, io::redact_secrets(report.dump(2)) + '\n');
}

const io::PlannedOutput* plan_report_apart(io::OutputPlan& plan, const std::string& report, const std::string& main_output) {
    if (report.empty()) return nullptr;
    std::error_code ec;
    if (std::filesystem::weakly_canonical(report, ec) == std::filesystem::weakly_canonical(main_output, ec))
        throw UsageError("--report and --output name the same file");
    return &plan.add("output", report);
}

}  // namespace regio::report
