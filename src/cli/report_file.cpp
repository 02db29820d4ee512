#include "report_file.hpp"

#include "regio/error.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/report/report_output.hpp"

#include <filesystem>

namespace regio::cli {

void check_report_output(const std::string& path, const io::TableOutput& main_output) {
    std::error_code ec;
    if (std::filesystem::weakly_canonical(path, ec) == std::filesystem::weakly_canonical(main_output.path, ec))
        throw UsageError("--report and --output name the same file");
    io::OutputFile probe(path, main_output.overwrite, main_output.inputs);
}

void write_report(const io::PlannedOutput& output, const nlohmann::ordered_json& report) {
    report::write_report_text(output, report);
}

void write_report(const io::PlannedOutput& output, nlohmann::ordered_json report,
                  const std::vector<const io::PlannedOutput*>& tables) {
    std::vector<report::WrittenTable> written;
    for (const io::PlannedOutput* table : tables) written.push_back(report::WrittenTable::of(*table));
    report["outputs"] = report::outputs_json(written);
    write_report(output, report);
}

void write_report(const std::string& path, const nlohmann::ordered_json& report, const io::TableOutput& main_output) {
    io::OutputFile file(path, main_output.overwrite, main_output.inputs);
    write_report(file.planned(), report);
    file.commit();
}

}  // namespace regio::cli
