#pragma once
// The manifest of a `regio run` (manifest.json) and its timings (timings.json).
#include "regio/pipeline/command_catalog.hpp"
#include "regio/pipeline/pipeline.hpp"
#include "regio/pipeline/table_replacement.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace regio::cli {

// manifest.json and timings.json (if given), committed together.
void write_manifest(const std::string& out_dir, const nlohmann::ordered_json& manifest, const nlohmann::ordered_json* timings);

// The outputs of a step that succeeded, with their checksums (added to
// `files`). Its report is not hashed: it carries timings.
nlohmann::ordered_json step_output_entries(const pipeline::CommandCatalog& catalog, const pipeline::Step& step, const std::string& out_dir,
                                           const std::string& report, std::set<std::string>& files);

// The step's report, without its timings (they live in timings.json: the
// manifest stays identical on re-runs), into the manifest entry; its summary
// line into `summaries`.
void add_report(nlohmann::ordered_json& entry, const std::string& report, const std::string& out_dir, std::set<std::string>& files,
                std::vector<std::string>& summaries);

// The database tables this pipeline has made, as "tables" (for the next
// run's check_table_replacements); only when there are any, so manifests of
// pipelines that write files only stay as they were.
void record_tables(nlohmann::ordered_json& manifest, const std::set<pipeline::MadeTable>& tables);

// A pipeline file rejected by the check, over the run directory of an earlier
// run of it: that run's manifest would describe steps the file no longer
// has, so it is replaced by one that records the rejected steps (exit code 2,
// their first problem, no outputs) and keeps the list of files the pipeline
// made and the tables (so the next run may replace them). Nothing happens when there is no
// such manifest.
void record_rejection(const pipeline::Pipeline& p, const std::string& pipeline_path, const std::string& out_dir,
                      const std::vector<std::string>& problems);

}  // namespace regio::cli
