#pragma once
// Checks of the files a step reads, before anything runs: CSV headers lacking
// the columns the step's options name (id, data-id, field, x, y, extensive,
// weights-x, ...), vector layers that are missing, lack the id or other named
// fields, or have no CRS.
#include "regio/pipeline/command_catalog.hpp"
#include "regio/pipeline/pipeline.hpp"

#include <string>
#include <vector>

namespace regio::pipeline {

// The value of the step's (non-flag) option `key`, or nullptr.
const std::string* arg_value(const Step& s, const std::string& key);

// "a,b,,c" -> {"a", "b", "c"}
std::vector<std::string> split_list(const std::string& text);

// Appends "WHO: ..." lines for the existing input `a` (an input option of the
// step, a `command` of the catalog; value resolved) to `problems`: the
// columns or fields the command's options name in it (OptionInfo::
// names_columns) that it lacks. `layer_key`: the option that names its
// layer (OptionInfo::layer_option), "" if none.
void check_input_content(const CommandInfo& command, const Step& s, const Arg& a, const std::string& layer_key,
                         const std::string& who, std::vector<std::string>& problems);

}  // namespace regio::pipeline
