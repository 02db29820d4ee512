#pragma once
// How `regio run` treats each step (issue #18, item 1): every command that
// takes --overwrite, --report or --quiet gets them from the runner, decided
// from the command's own option declarations (not a hand-kept list that
// missed degurba), so a pipeline re-runs over its own earlier outputs.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace regio::cli {

struct StepOptions {
    bool overwrite = false;
    bool report = false;
    bool quiet = false;
};

// The options the command `run` ("crosswalk apply") declares, looked up in
// the program's command tree `root`. A command not found gets none.
StepOptions step_options(const CLI::App& root, const std::string& run);

// `word` quoted for a POSIX shell when it needs it: 'it'\''s'.
std::string shell_quoted(const std::string& word);

// "regio" and the words, each shell-quoted: a line a shell runs as shown.
std::string shell_command(const std::vector<std::string>& args);

// The text of `regio help pipeline`: the pipeline file format, with an example.
const char* pipeline_help_text();

}  // namespace regio::cli
