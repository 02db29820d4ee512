#pragma once
// Where a pipeline may write (issue #12: a step wrote outside its run
// directory through an absolute or "../" path and, since the runner passes
// --overwrite to every step, replaced an unrelated file).
//
// The rules, checked for every file of the run before the first step runs:
//  * a file is written inside the run directory (--out, or [pipeline] out),
//    judged after resolving "..", "." and symbolic links; or under one of the
//    absolute directories the pipeline file allows explicitly:
//        [pipeline]
//        allow_outside = ["/srv/atlas/2024"]
//  * an existing file is replaced only when an earlier run of the same
//    pipeline file made it: the manifest.json of the run directory lists the
//    files each run wrote ("files"); anything else is refused.
#include "regio/pipeline/pipeline.hpp"

#include <string>
#include <vector>

namespace regio::pipeline {

// One file the run will write.
struct FileWrite {
    std::string who;   // "step NAME (line N)", or "run" for manifest.json and timings.json
    std::string key;   // the option: output, report, changes, ..., manifest
    std::string path;  // as passed to the step
};

// How the manifest's "files" records `path`: relative to the run directory
// when inside it (so that the record holds wherever the run is started
// from), otherwise absolute.
std::string run_relative(const std::string& path, const std::string& out_dir);

// The files the manifest of an earlier run of `pipeline_path` in `out_dir`
// says that pipeline wrote (paths as recorded); empty when there is no such
// manifest. `foreign` is set (to why) when out_dir/manifest.json exists but
// was not written by this pipeline file.
std::vector<std::string> files_of_previous_run(const std::string& out_dir, const std::string& pipeline_path, std::string& foreign);

// Every problem, one line each naming the step, its line in the pipeline file
// and the path (empty: fine).
std::vector<std::string> check_confinement(const Pipeline& pipeline, const std::string& out_dir, const std::vector<FileWrite>& writes);

}  // namespace regio::pipeline
