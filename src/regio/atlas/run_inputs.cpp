#include "regio/atlas/run_inputs.hpp"

#include "regio/error.hpp"
#include "regio/io/sha256.hpp"

#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace regio::atlas {
namespace {

// "--key value" pairs of a step's command line (flags map to "true").
std::multimap<std::string, std::string> options_of(const nlohmann::ordered_json& command) {
    std::multimap<std::string, std::string> out;
    std::vector<std::string> argv;
    for (const auto& a : command)
        if (a.is_string()) argv.push_back(a.get<std::string>());
    for (std::size_t i = 0; i < argv.size(); ++i) {
        if (argv[i].rfind("--", 0) != 0) continue;
        const std::string key = argv[i].substr(2);
        if (i + 1 < argv.size() && argv[i + 1].rfind("--", 0) != 0) out.emplace(key, argv[++i]);
        else out.emplace(key, "true");
    }
    return out;
}

std::string option(const std::multimap<std::string, std::string>& options, const std::string& key) {
    const auto it = options.find(key);
    return it == options.end() ? std::string() : it->second;
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const auto comma = text.find(',', start);
        out.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// Outputs are recorded as the run saw them (relative to where it ran); a
// run directory that was moved is found by file name inside it.
std::string resolve(const std::string& recorded, const std::string& run_dir) {
    if (fs::exists(recorded)) return recorded;
    const fs::path moved = fs::path(run_dir) / fs::path(recorded).filename();
    if (fs::exists(moved)) return moved.string();
    return recorded;
}

bool is_table(const std::string& path) { return fs::path(path).extension() == ".csv"; }

}  // namespace

RunInputs read_run(const std::string& path) {
    RunInputs run;
    run.manifest_path = fs::is_directory(path) ? (fs::path(path) / "manifest.json").string() : path;
    run.run_dir = fs::path(run.manifest_path).parent_path().string();
    if (run.run_dir.empty()) run.run_dir = ".";
    if (!fs::exists(run.manifest_path))
        throw IoError("no run manifest", Where{run.manifest_path}, "give the output directory of `regio run` or its manifest.json");
    std::ifstream in(run.manifest_path, std::ios::binary);
    nlohmann::ordered_json m = nlohmann::ordered_json::parse(in, nullptr, false);
    if (m.is_discarded() || !m.is_object() || !m.contains("steps") || !m["steps"].is_array())
        throw DataError("not a regio run manifest (a JSON object with \"steps\")", Where{run.manifest_path});
    run.regio_version = m.value("regio", "");
    if (m.contains("pipeline") && m["pipeline"].is_object()) run.pipeline_name = m["pipeline"].value("name", "");
    if (m.contains("inputs") && m["inputs"].is_array())
        for (const auto& i : m["inputs"]) run.inputs.emplace_back(i.value("path", ""), i.value("sha256", ""));

    for (const auto& s : m["steps"]) {
        const std::string name = s.value("name", "");
        const std::string kind = s.value("run", "");
        run.step_names.push_back(name);
        const Where where{run.manifest_path, {}, {}, {}, "steps." + name};
        if (s.value("exit_code", 0) != 0) throw DataError("step " + name + " failed in this run; the atlas needs a complete run", where);
        if (kind == "atlas") continue;
        std::vector<RunOutput> outputs;
        if (s.contains("outputs"))
            for (const auto& o : s["outputs"]) {
                if (!o.contains("sha256")) continue;  // directories (an earlier atlas) carry no digest
                RunOutput out{name, o.value("key", ""), resolve(o.value("path", ""), run.run_dir), o.value("sha256", "")};
                if (!fs::exists(out.path))
                    throw IoError("output of step " + name + " is missing", Where{out.path}, "run the pipeline again");
                outputs.push_back(out);
            }
        const auto first = [&](const std::string& key) -> std::optional<RunOutput> {
            for (const auto& o : outputs)
                if (o.key == key) return o;
            return std::nullopt;
        };
        if (kind == "indicators") {
            if (auto o = first("output"); o && is_table(o->path)) {
                run.indicator_tables.push_back(*o);
                run.downloads.push_back(*o);
            }
            if (run.indicators_report.is_null() && s.contains("report")) run.indicators_report = s["report"];
            if (s.contains("report") && s["report"].is_object()) run.indicators_reports.push_back(s["report"]);
        } else if (kind == "map") {
            const auto options = options_of(s.value("command", nlohmann::ordered_json::array()));
            MapStep map;
            map.step = name;
            map.layer = option(options, "layer");
            map.id = option(options, "id");
            map.name = option(options, "name");
            map.data = option(options, "data");
            map.is_change = !option(options, "minus").empty();
            for (const auto& [key, value] : options)
                if (key == "where")
                    for (const auto& w : split_commas(value)) map.where.push_back(w);
            map.style = option(options, "style");
            for (const auto& b : split_commas(option(options, "breaks"))) map.breaks.push_back(std::stod(b));
            map.title = option(options, "title");
            map.subtitle = option(options, "subtitle");
            map.source = option(options, "source");
            run.maps.push_back(map);
            if (auto o = first("gpkg")) run.downloads.push_back(*o);
        } else if (kind == "crosswalk build") {
            if (run.crosswalk_report.is_null() && s.contains("report")) run.crosswalk_report = s["report"];
            if (auto o = first("changes"); o && !run.changes) {
                run.changes = o;
                run.downloads.push_back(*o);
            }
        } else if (kind == "segregation") {
            if (auto o = first("output"); o && is_table(o->path) && !run.segregation) {
                run.segregation = o;
                run.downloads.push_back(*o);
            }
        }
        for (const auto& o : outputs)
            if (!run.validation && is_table(o.path) && fs::path(o.path).filename().string().find("validation") != std::string::npos) {
                run.validation = o;
                run.downloads.push_back(o);
            }
    }
    // A download is published as the run wrote it: a file changed since then
    // would publish numbers the manifest does not vouch for.
    for (const auto& d : run.downloads)
        if (io::sha256_file(d.path) != d.sha256)
            throw DataError("output of step " + d.step + " changed since the run (SHA-256 differs from the manifest)", Where{d.path},
                            "run the pipeline again");
    return run;
}

}  // namespace regio::atlas
