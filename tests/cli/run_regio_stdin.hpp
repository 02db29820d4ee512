#pragma once
// Runs the regio binary under test with a file as its standard input (the
// `-` inputs of issue #18 item 8); see run_regio.hpp for the rest.
#include "run_regio.hpp"

namespace regio_test {

RunResult run_regio_with_stdin(const std::vector<std::string>& args, const fs::path& stdin_file);

}  // namespace regio_test
