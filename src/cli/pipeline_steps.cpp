#include "pipeline_steps.hpp"

#include <sstream>

namespace regio::cli {

StepOptions step_options(const CLI::App& root, const std::string& run) {
    const CLI::App* command = &root;
    std::istringstream words(run);
    for (std::string word; words >> word;) {
        const CLI::App* next = nullptr;
        for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; }))
            if (sub->get_name() == word) next = sub;
        if (!next) return {};
        command = next;
    }
    if (command == &root) return {};
    auto has = [&](const std::string& name) { return command->get_option_no_throw(name) != nullptr; };
    return {has("--overwrite"), has("--report"), has("--quiet")};
}

std::string shell_quoted(const std::string& word) {
    static const std::string kPlain =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=./,:@%";
    if (!word.empty() && word.find_first_not_of(kPlain) == std::string::npos) return word;
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string shell_command(const std::vector<std::string>& args) {
    std::string line = "regio";
    for (const auto& a : args) line += " " + shell_quoted(a);
    return line;
}

const char* pipeline_help_text() {
    return R"(regio run PIPELINE.toml: the pipeline file

A pipeline file (TOML) names steps; each step is one regio command with its
options. The whole file is checked before any step runs (commands, references,
options and their types, required options, input files, their columns, layers
and CRS, outputs that are inputs or outside the output directory) against the
commands' own definitions, and every problem is reported with its line.
The steps run one after the other in the regio process itself; steps that
read the same region layer with the same options share one loaded, checked copy.

  [pipeline]
  name = "Berlin: foreigners by planning area"
  out = "out"                  # output directory (regio run --out wins)
  base = "../.."               # inputs are named from here (default: this file's folder)
  allow_outside = ["/srv/pub"] # absolute directories steps may also write to

  [[step]]
  name = "foreigners"          # unique
  run = "indicators"           # the regio command
  [step.args]                  # its options, without the leading --
  data = "geodata/berlin/register_2020-12_planning-areas.csv"
  id = "id"
  definitions = "geodata/berlin/indicators_citizenship.toml"
  output = "indicators.csv"    # outputs are paths under the out directory

  [[step]]
  name = "map"
  run = "map"
  [step.args]
  layer = "geodata/berlin/lor_3035.gpkg:plr_until2020"
  id = "id"
  data = "@foreigners"         # the output of step foreigners
  data-id = "region"
  field = "value"
  where = ["indicator=share_of_residents", "group=foreigners"]  # arrays: joined with commas
  output = "foreigners.svg"

Paths: a relative input path is resolved against the pipeline file's folder
(or its `base`, itself relative to that folder), so `regio run
some/where/pipeline.toml` works from any directory. Outputs are paths under
the output directory, which (--out, or `out` in the file, default "out") is
relative to the current directory.

Values: text, numbers, arrays, and `true` for a flag. "@step" is the output of
an earlier step, "@step.key" its output `key` (output, changes, gpkg, map,
report, units-out, clusters, local). A step run = "atlas" publishes the run.

What the runner adds: every step whose command takes them gets --overwrite
(only files this pipeline wrote before may be replaced), --report OUT/NAME.report.json
(unless the step names one) and, with run --quiet, --quiet. So a pipeline re-runs.

The manifest (OUT/manifest.json) lists the pipeline, every input with its
SHA-256, and every step: its command, exit code, outputs with their SHA-256
and its report. A failed step records its error and no outputs; a signal
during a step removes its unfinished outputs and records the interruption.
Timings go to OUT/timings.json (with the region sets loaded and shared), so
re-runs on the same inputs give a byte-identical manifest.

Example:
  regio run geodata/berlin/pipeline.toml --out out
  regio run geodata/berlin/pipeline.toml --dry-run    # the commands, shell-quoted
)";
}

}  // namespace regio::cli
