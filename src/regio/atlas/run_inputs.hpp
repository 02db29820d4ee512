#pragma once
// What a run produced, read from its manifest (regio run writes
// out/manifest.json): the pipeline's name, the regio version, the inputs with
// their checksums, and per step its command line, outputs (with checksums)
// and report. The atlas finds here the indicator table(s), the map steps
// (regions layer, id and name fields, style, titles, source notes), the
// crosswalk report and list of changes, and the optional segregation and
// validation tables.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::atlas {

// A published output of the run, copied into the site's downloads.
struct RunOutput {
    std::string step;
    std::string key;     // output, gpkg, changes, ...
    std::string path;    // where it is now (resolved against the run directory)
    std::string sha256;  // as recorded in the manifest
};

// The options of a `map` step that the atlas reuses.
struct MapStep {
    std::string step;
    std::string layer, id, name;  // regions: FILE[:LAYER], id and name fields
    std::string data;             // resolved path of the joined table
    bool is_change = false;       // --minus: a map of the change, not of the values
    std::vector<std::string> where;
    std::string style;
    std::vector<double> breaks;
    std::string title, subtitle, source;
};

struct RunInputs {
    std::string manifest_path;
    std::string run_dir;
    std::string pipeline_name;
    std::string regio_version;
    std::vector<std::pair<std::string, std::string>> inputs;  // path, sha256
    std::vector<RunOutput> indicator_tables;                  // in step order
    std::vector<MapStep> maps;
    nlohmann::ordered_json indicators_report;  // of the first indicators step (null if none)
    std::vector<nlohmann::ordered_json> indicators_reports;  // of every indicators step with a report, in step order
    nlohmann::ordered_json crosswalk_report;   // of the first crosswalk build step (null if none)
    std::optional<RunOutput> changes;          // the crosswalk's typed list of changes
    std::optional<RunOutput> segregation;      // `regio segregation` output table
    std::optional<RunOutput> validation;       // a step output named *validation*.csv
    std::vector<RunOutput> downloads;          // published tables and maps (never intermediate counts)
    std::vector<std::string> step_names;
};

// `path` is a run directory (holding manifest.json) or a manifest file.
// Throws IoError (missing or unreadable), DataError (not a regio manifest, a
// failed step, an output that is missing or changed since the run).
RunInputs read_run(const std::string& path);

}  // namespace regio::atlas
