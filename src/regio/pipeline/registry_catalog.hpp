#pragma once
// The command catalog read from the library's registry (issue #13): each
// command's options as its entry declares them, with the kinds and types the
// pipeline checks steps by.
#include "regio/options/command_entry.hpp"
#include "regio/pipeline/command_catalog.hpp"

namespace regio::pipeline {

// The catalog entry of one registered command.
CommandInfo command_info(const options::CommandEntry& entry);
// Every registered command.
CommandCatalog registry_catalog();

// The option naming the layer or table of input or output `name` of
// `command`: NAME-layer ("regions-layer", "output-layer"), or for an option
// that is itself called a layer NAME-name ("layer-name", "grid-layer-name");
// "" when there is none. A naming rule, kept by
// tests/cli/command_catalog_cli_test.cpp, which lists every pair.
std::string layer_option_of(const CommandInfo& command, const std::string& name);
// Sets layer_option of every input and output of `command` by that rule.
void fill_layer_options(CommandInfo& command);

}  // namespace regio::pipeline
