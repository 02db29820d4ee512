#pragma once
// The CLI side of the library's registry (issue #13): CLI11 options built from
// the options a command declares in the library (regio/options/), and CLI11
// subcommands built from the registry's entries.
#include "commands.hpp"

#include "regio/options/command_entry.hpp"

#include <CLI/CLI.hpp>

namespace regio::cli {

// Adds the declarations of `options` (from the `first`) to `command`, in
// order, as CLI11 options bound to the declarations' targets.
void add_declared_options(CLI::App& command, const options::OptionSet& options, std::size_t first = 0);

// A subcommand of `parent` for `entry`, bound to a fresh command; parsing it
// sets `action` to run that command (progress on a terminal, warnings, the
// summary unless --quiet). `context` (a pipeline run's, or nullptr) is handed
// to the command.
void add_registered_command(CLI::App& parent, const options::CommandEntry& entry, Action& action, RunContext* context);

}  // namespace regio::cli
