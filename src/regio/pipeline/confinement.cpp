#include "regio/pipeline/confinement.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace regio::pipeline {
namespace {

namespace fs = std::filesystem;

// Absolute, with "..", "." and symbolic links of the existing part resolved.
fs::path resolved(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? fs::absolute(path).lexically_normal() : p;
}

bool is_within(const fs::path& path, const fs::path& dir) {
    const auto rel = path.lexically_relative(dir);
    return !rel.empty() && *rel.begin() != ".." && rel.is_relative();
}

// The value after `option` in a recorded command line ("" if absent).
std::string option_value(const nlohmann::json& command, const std::string& option) {
    if (!command.is_array()) return {};
    for (std::size_t i = 0; i + 1 < command.size(); ++i)
        if (command[i].is_string() && command[i].get<std::string>() == option && command[i + 1].is_string())
            return command[i + 1].get<std::string>();
    return {};
}

}  // namespace

std::string run_relative(const std::string& path, const std::string& out_dir) {
    const fs::path target = resolved(path);
    const fs::path run_dir = resolved(out_dir);
    return is_within(target, run_dir) ? target.lexically_relative(run_dir).string() : target.string();
}

std::vector<std::string> files_of_previous_run(const std::string& out_dir, const std::string& pipeline_path, std::string& foreign) {
    const fs::path manifest_path = fs::path(out_dir) / "manifest.json";
    std::error_code ec;
    if (!fs::exists(manifest_path, ec)) return {};
    std::ifstream in(manifest_path);
    const nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
    if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("pipeline") || !manifest["pipeline"].is_object() ||
        !manifest["pipeline"].contains("path") || !manifest["pipeline"]["path"].is_string()) {
        foreign = "it is not a manifest of regio run";
        return {};
    }
    const std::string recorded = manifest["pipeline"]["path"].get<std::string>();
    if (resolved(recorded) != resolved(pipeline_path)) {
        foreign = "it was written by the pipeline " + recorded;
        return {};
    }
    std::vector<std::string> files{manifest_path.string(), (fs::path(out_dir) / "timings.json").string()};
    if (manifest.contains("files") && manifest["files"].is_array())
        for (const auto& f : manifest["files"])
            if (f.is_string()) {
                const fs::path recorded_file(f.get<std::string>());
                files.push_back(recorded_file.is_absolute() ? recorded_file.string() : (fs::path(out_dir) / recorded_file).string());
            }
    // Manifests written before "files" existed: the steps' outputs and reports.
    if (manifest.contains("steps") && manifest["steps"].is_array())
        for (const auto& step : manifest["steps"]) {
            if (step.contains("outputs") && step["outputs"].is_array())
                for (const auto& o : step["outputs"])
                    if (o.contains("path") && o["path"].is_string()) files.push_back(o["path"].get<std::string>());
            if (step.contains("command"))
                if (const std::string report = option_value(step["command"], "--report"); !report.empty()) files.push_back(report);
        }
    return files;
}

std::vector<std::string> check_confinement(const Pipeline& p, const std::string& out_dir, const std::vector<FileWrite>& writes) {
    std::vector<std::string> problems;
    const fs::path run_dir = resolved(out_dir);
    std::vector<fs::path> allowed;
    for (const auto& dir : p.allow_outside) allowed.push_back(resolved(dir));
    std::string foreign;
    std::set<fs::path> made;
    for (const auto& f : files_of_previous_run(out_dir, p.path, foreign)) made.insert(resolved(f));
    for (const auto& w : writes) {
        const fs::path target = resolved(w.path);
        const bool inside = is_within(target, run_dir);
        const bool allowed_outside =
            std::any_of(allowed.begin(), allowed.end(), [&](const fs::path& dir) { return is_within(target, dir); });
        if (!inside && !allowed_outside) {
            problems.push_back(w.who + ": " + w.key + " '" + w.path + "' is outside the run directory " + run_dir.string() +
                               "; name a path inside it, or allow an absolute directory with [pipeline] allow_outside = [\"DIR\"]");
            continue;
        }
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(target, ec)) || made.count(target)) continue;
        if (w.key == "manifest" && !foreign.empty())
            problems.push_back(w.who + ": " + w.path + " exists and " + foreign + "; choose another --out directory");
        else
            problems.push_back(w.who + ": " + w.key + " '" + w.path +
                               "' exists and was not written by an earlier run of this pipeline; remove it or choose another path");
    }
    return problems;
}

}  // namespace regio::pipeline
