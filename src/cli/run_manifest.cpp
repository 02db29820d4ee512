// The manifest of a `regio run`: written at the end (and before an atlas
// step, and when a run is interrupted or rejected), with each step's outputs
// and their checksums.
#include "run_manifest.hpp"

#include "commands.hpp"

#include "regio/io/output_stream.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/pipeline/confinement.hpp"
#include "regio/io/sha256.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace regio::cli {

// manifest.json and timings.json, committed together.
void write_manifest(const std::string& out_dir, const nlohmann::ordered_json& manifest, const nlohmann::ordered_json* timings) {
    io::OutputPlan plan(io::Overwrite::Yes, {});
    io::write_output_text(plan.add("manifest", (std::filesystem::path(out_dir) / "manifest.json").string()), io::redact_secrets(manifest.dump(2)) + '\n');
    if (timings)
        io::write_output_text(plan.add("timings", (std::filesystem::path(out_dir) / "timings.json").string()), timings->dump(2) + '\n');
    plan.commit();
}

namespace {

// A database table a step wrote (issue #16): it cannot be hashed as a file,
// so it is named (without the password) with its layer and the rows written,
// as the step's report says.
nlohmann::ordered_json database_output_entry(const std::string& key, const std::string& path, const std::string& report) {
    nlohmann::ordered_json entry{{"key", key}, {"destination", io::redact_secrets(path)}};
    std::ifstream in(report);
    const nlohmann::ordered_json r = in ? nlohmann::ordered_json::parse(in, nullptr, false) : nlohmann::ordered_json();
    if (r.is_object() && r.contains("outputs") && r["outputs"].is_array())
        for (const auto& o : r["outputs"])
            if (o.value("destination", std::string()) == entry["destination"]) {
                if (o.contains("layer")) entry["layer"] = o["layer"];
                if (o.contains("rows")) entry["rows"] = o["rows"];
            }
    return entry;
}

}  // namespace

// The outputs of a step that succeeded, with their checksums. Its report is
// not hashed: it carries timings; it goes into the manifest without them.
nlohmann::ordered_json step_output_entries(const pipeline::CommandCatalog& catalog, const pipeline::Step& step, const std::string& out_dir,
                                           const std::string& report, std::set<std::string>& files) {
    nlohmann::ordered_json outputs = nlohmann::ordered_json::array();
    for (const auto& [key, path, destination, table] : pipeline::step_destinations(catalog, step, out_dir)) {
        if (destination == pipeline::Destination::DatabaseTable) {
            outputs.push_back(database_output_entry(key, path, report));
            continue;
        }
        if (!std::filesystem::exists(path)) continue;
        files.insert(pipeline::run_relative(path, out_dir));
        if (std::filesystem::is_directory(path) || path == report)  // a site lists its files in its report
            outputs.push_back({{"key", key}, {"path", path}});
        else
            outputs.push_back({{"key", key}, {"path", path}, {"sha256", io::sha256_file(path)}});
    }
    return outputs;
}

// The step's report, without its timings (they live in timings.json: the
// manifest stays identical on re-runs), into the manifest entry.
void add_report(nlohmann::ordered_json& entry, const std::string& report, const std::string& out_dir, std::set<std::string>& files,
                std::vector<std::string>& summaries) {
    if (report.empty() || !std::filesystem::exists(report)) return;
    files.insert(pipeline::run_relative(report, out_dir));
    std::ifstream in(report);
    nlohmann::ordered_json r = nlohmann::ordered_json::parse(in, nullptr, false);
    if (r.is_discarded()) return;
    r.erase("timings");
    if (r.contains("summary") && r["summary"].is_string()) summaries.push_back(r["summary"].get<std::string>());
    entry["report"] = r;
}


// A pipeline file rejected by the check, over the run directory of an earlier
// run of it: that run's manifest would describe steps the file no longer
// has, so it is replaced by one that records the rejected steps (exit code 2,
// their first problem, no outputs) and keeps the list of files the pipeline
// made (so the next run may replace them).
void record_tables(nlohmann::ordered_json& manifest, const std::set<pipeline::MadeTable>& tables) {
    if (tables.empty()) return;
    manifest["tables"] = nlohmann::ordered_json::array();
    for (const auto& t : tables) manifest["tables"].push_back({{"destination", t.destination}, {"layer", t.table}});
}

void record_rejection(const pipeline::Pipeline& p, const std::string& pipeline_path, const std::string& out_dir,
                      const std::vector<std::string>& problems) {
    std::string foreign;
    const std::vector<std::string> previous = pipeline::files_of_previous_run(out_dir, pipeline_path, foreign);
    if (!foreign.empty() || !std::filesystem::exists(std::filesystem::path(out_dir) / "manifest.json")) return;
    std::set<std::string> files;
    for (const auto& f : previous)
        if (!f.ends_with("manifest.json") && !f.ends_with("timings.json")) files.insert(pipeline::run_relative(f, out_dir));
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const auto& step : p.steps) {
        const std::string prefix = "step " + step.name + " (line " + std::to_string(step.line) + "): ";
        const auto problem = std::find_if(problems.begin(), problems.end(), [&](const std::string& x) { return x.starts_with(prefix); });
        if (problem == problems.end()) continue;
        steps.push_back({{"name", step.name}, {"run", step.run}, {"exit_code", 2}, {"error", problem->substr(prefix.size())},
                         {"outputs", nlohmann::ordered_json::array()}});
    }
    nlohmann::ordered_json manifest;
    manifest["regio"] = version_text();
    manifest["pipeline"] = {{"path", pipeline_path}, {"name", p.name}, {"sha256", io::sha256_file(pipeline_path)}};
    manifest["rejected"] = fmt::format("{} problem(s); nothing was run", problems.size());
    manifest["steps"] = steps;
    manifest["files"] = files;
    record_tables(manifest, pipeline::tables_of_previous_run(out_dir, pipeline_path));  // still the pipeline's to replace
    write_manifest(out_dir, manifest, nullptr);
}


}  // namespace regio::cli
