#pragma once
// A pipeline file (TOML): named steps, each one regio command with its
// options, referring to earlier steps' outputs by name. The file is checked
// as a whole before anything runs, and every problem is reported at once.
//
//   [pipeline]
//   name = "demo city"
//   out = "out"                      # output directory (regio run --out wins)
//   allow_outside = ["/srv/atlas"]   # absolute directories steps may also write to
//                                    # (otherwise nothing is written outside out;
//                                    # see confinement.hpp)
//
//   [[step]]
//   name = "residents"               # unique
//   run = "aggregate points"         # the regio command
//   [step.args]                      # its options, without the leading --
//   regions = "geodata/demo/districts.gpkg:districts_2023"
//   weight = ["residents", "employed"]   # arrays are joined with commas
//   overwrite = true                 # true = a flag
//   output = "residents.csv"         # output keys are paths under the out dir
//
// A value "@residents" is the `output` of step residents; "@xw.changes" the
// `changes` output of step xw. Output keys: output, changes, gpkg, map,
// report, units-out, clusters, local. A step `run = "atlas"` publishes the run
// itself: its input is the output directory (its manifest so far).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace regio::pipeline {

struct Arg {
    std::string key;
    std::string value;  // text as given; "true" for flags
    bool flag = false;
};

struct Step {
    std::string name;
    std::string run;  // e.g. "aggregate points"
    std::vector<Arg> args;
    std::int64_t line = 0;
};

struct Pipeline {
    std::string path;
    std::string name;
    std::string out_dir;
    std::vector<std::string> allow_outside;  // absolute, existing directories
    std::vector<Step> steps;
};

// Throws ConfigError on TOML syntax errors and on keys of the wrong type.
Pipeline load_pipeline(const std::string& path);

[[nodiscard]] bool is_output_key(const std::string& key);

// Every problem with the file, as "step NAME: ..." lines (empty: fine):
// unknown commands, duplicate names, references to unknown or later steps,
// missing input files, two steps writing one file; and, for inputs that
// exist already (not @references): CSV headers lacking the columns the step's
// options name (id, data-id, field, x, y, extensive, ...), vector layers
// (regions, layer, from, to, units) that are missing, lack the id or other
// named fields, or have no CRS.
std::vector<std::string> check_pipeline(const Pipeline& pipeline, const std::string& out_dir);

// The resolved command line of a step (after "regio"), outputs under out_dir.
std::vector<std::string> command_line(const Pipeline& pipeline, const Step& step, const std::string& out_dir);

// Resolved output paths of a step (key, path).
std::vector<std::pair<std::string, std::string>> step_outputs(const Step& step, const std::string& out_dir);

// Input files of a step that no earlier step makes (paths, layers stripped).
std::vector<std::string> step_inputs(const Step& step);

}  // namespace regio::pipeline
