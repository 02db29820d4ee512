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
// `changes` output of step xw. Which options are inputs and outputs, and which
// commands exist, comes from the command catalog (command_catalog.hpp), that
// is from the commands' own definitions. A step `run = "atlas"` publishes the
// run itself: its input is the output directory (its manifest so far).
//
// Relative input paths are resolved against the pipeline file's folder (as
// compose files do), or against `base` when the file sets one, itself relative
// to the file's folder:
//   [pipeline]
//   base = "../.."    # geodata/demo/pipeline.toml names inputs from the project root
// Outputs are under the output directory, which (from --out or `out`) is
// relative to the current directory, as before.
#include "regio/pipeline/command_catalog.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace regio::pipeline {

struct Arg {
    std::string key;
    std::string value;  // text as given; "true" for flags; inputs resolved by resolve_inputs()
    bool flag = false;
    std::int64_t line = 0;  // in the pipeline file
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
    std::string base_dir;  // relative inputs are resolved against it ("" = the current directory)
    std::vector<std::string> allow_outside;  // absolute, existing directories
    std::vector<Step> steps;
};

// Throws ConfigError on TOML syntax errors and on keys of the wrong type.
Pipeline load_pipeline(const std::string& path);

// Input options' relative paths (not @references, not data source names)
// made relative to the pipeline's base_dir, lexically normalised: run from the
// file's own folder, the text stays as written.
void resolve_inputs(Pipeline& pipeline, const CommandCatalog& catalog);

// Whether `key` is an output option of the step's command.
[[nodiscard]] bool is_output(const CommandCatalog& catalog, const Step& step, const std::string& key);

// Every problem with the file, as "step NAME (line N): ..." lines (empty:
// fine): unknown commands and options, missing required options, values of
// the wrong type, duplicate names, references to unknown or later steps,
// missing input files, two steps writing one file, an output that is an
// input; and the content checks of existing inputs (step_content_checks.hpp).
std::vector<std::string> check_pipeline(const Pipeline& pipeline, const CommandCatalog& catalog, const std::string& out_dir);

// The resolved command line of a step (after "regio"), outputs under out_dir.
std::vector<std::string> command_line(const Pipeline& pipeline, const CommandCatalog& catalog, const Step& step,
                                      const std::string& out_dir);

// One output of a step, resolved: where it goes and what kind of place that is
// (the catalog's Destination), with the table of a database output.
struct StepOutput {
    std::string key;   // the option: output, report, gpkg, ...
    std::string path;  // a file under the run directory, or the data source as written
    Destination destination = Destination::File;
    std::string table;  // a database output's table as the step names it (its layer option), else ""
};
std::vector<StepOutput> step_destinations(const CommandCatalog& catalog, const Step& step, const std::string& out_dir);

// Resolved output paths of a step (key, path).
std::vector<std::pair<std::string, std::string>> step_outputs(const CommandCatalog& catalog, const Step& step,
                                                              const std::string& out_dir);

// Input files of a step that no earlier step makes (paths, layers stripped).
std::vector<std::string> step_inputs(const CommandCatalog& catalog, const Step& step);

}  // namespace regio::pipeline
