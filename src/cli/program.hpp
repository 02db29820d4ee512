#pragma once
#include <string>
#include <vector>

namespace regio::cli {

struct RunContext;  // run_context.hpp: what the steps of one `regio run` share

// Runs one regio command line (`args`: the words after "regio") with a
// command tree built for it: parses it, runs the command and maps every error
// to one line on stderr (and a hint) and an exit code: 0 ok, 1 data or
// processing error, 2 usage error. `context`: the pipeline run this command
// is a step of (nullptr on the command line). `error`, when given, receives
// the message of the error that ended the command ("" if none).
int run_command_line(const std::vector<std::string>& args, RunContext* context = nullptr, std::string* error = nullptr);

}  // namespace regio::cli
