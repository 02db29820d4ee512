#pragma once
// A step's options checked against its command's definition (the catalog),
// before anything runs: options the command does not have, required options
// missing, values of the wrong type, a value given to a flag.
#include "regio/pipeline/command_catalog.hpp"
#include "regio/pipeline/pipeline.hpp"

#include <string>
#include <vector>

namespace regio::pipeline {

// Appends "WHO: line N: ..." lines to `problems`.
void check_step_options(const CommandInfo& command, const Step& step, const std::string& who, std::vector<std::string>& problems);

}  // namespace regio::pipeline
