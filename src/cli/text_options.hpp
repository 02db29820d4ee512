#pragma once
// --delimiter and --encoding for commands still binding CLI11 themselves
// (declared in the library: regio/io/text_input_options.hpp).
#include "regio/io/text_input_options.hpp"

#include <CLI/CLI.hpp>

namespace regio::cli {

using io::TextInputArgs;

void add_text_options(CLI::App& command, TextInputArgs& args);

}  // namespace regio::cli
