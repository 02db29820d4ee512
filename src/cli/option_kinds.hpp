#pragma once
// The command catalog read back from the built CLI11 tree (`regio docs
// --catalog`): what the command line really takes. The pipeline checks steps
// against the registry's catalog (regio/pipeline/registry_catalog.hpp), and
// tests/cli/command_catalog_cli_test.cpp compares the two, so a declaration
// the CLI turned into something else (a file option without its value name, a
// lost check) fails there.
#include "regio/options/option_spec.hpp"
#include "regio/pipeline/command_catalog.hpp"

#include <CLI/CLI.hpp>

namespace regio::cli {

// The value names that mark file options (regio/options/option_spec.hpp), for
// the front-end's own commands (docs, run).
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
