#pragma once
// Which options name files, declared where each option is defined: an option
// whose value is an input file or an output file gets one of the type names
// below (`cmd->add_option(...)->type_name(kInputLayer)`), which is also what
// `--help` and the man pages show as its value. command_catalog() reads them
// back, so the pipeline knows the inputs and outputs of every step from the
// commands themselves (issue #13). tests/cli/command_catalog_cli_test.cpp fails
// when an option that takes a file is not tagged.
#include "regio/options/option_spec.hpp"
#include "regio/pipeline/command_catalog.hpp"

#include <CLI/CLI.hpp>

namespace regio::cli {

// The value names that mark file options, from the library's declarations
// (regio/options/option_spec.hpp), for commands still binding CLI11 themselves.
using options::kInputDirectory;
using options::kInputFile;
using options::kInputLayer;
using options::kInputRaster;
using options::kOutputDirectory;
using options::kOutputFile;

// The kind an option was declared with: flag (takes no value), input or output
// (one of the type names above), or value.
pipeline::OptionKind option_kind(const CLI::Option& option);

// Every command a pipeline step may run (all but run, help and the hidden
// ones), with its options, from the program's command tree `root`.
pipeline::CommandCatalog command_catalog(const CLI::App& root);

}  // namespace regio::cli
