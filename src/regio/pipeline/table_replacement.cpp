#include "regio/pipeline/table_replacement.hpp"

#include "regio/io/input_spec.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/pipeline/confinement.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace regio::pipeline {
namespace {

std::string text_of(const nlohmann::json& object, const char* key) {
    return object.is_object() && object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

}  // namespace

std::set<MadeTable> tables_of_previous_run(const std::string& out_dir, const std::string& pipeline_path) {
    std::string foreign;
    if (files_of_previous_run(out_dir, pipeline_path, foreign).empty()) return {};  // none, or another pipeline's
    std::ifstream in(std::filesystem::path(out_dir) / "manifest.json");
    const nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
    std::set<MadeTable> made;
    auto add = [&made](const nlohmann::json& record) {
        const std::string destination = text_of(record, "destination");
        const std::string table = text_of(record, "layer");
        if (!destination.empty() && !table.empty()) made.insert({destination, table});
    };
    if (manifest.contains("steps") && manifest["steps"].is_array())
        for (const auto& step : manifest["steps"])
            if (step.is_object() && step.contains("outputs") && step["outputs"].is_array())
                for (const auto& output : step["outputs"]) add(output);
    // Tables of steps this run did not repeat (--only, a failed step) are
    // carried from run to run, like the files.
    if (manifest.contains("tables") && manifest["tables"].is_array())
        for (const auto& table : manifest["tables"]) add(table);
    return made;
}

std::vector<std::string> check_table_replacements(const std::vector<TableWrite>& writes, const std::set<MadeTable>& made,
                                                  ReplaceTables replace) {
    std::vector<std::string> problems;
    if (replace == ReplaceTables::Any) return problems;
    for (const auto& w : writes) {
        const io::DatabaseTableState state = io::database_table_state(w.connection, w.table);
        const std::string destination = io::redact_secrets(w.connection);
        if (!state.exists || made.count({destination, state.qualified})) continue;
        problems.push_back(w.who + ": " + w.key + " " + destination + " table " + state.qualified +
                           " exists and was not written by an earlier run of this pipeline");
    }
    return problems;
}

}  // namespace regio::pipeline
