#pragma once
// The registry (issue #13, ../shared/design.md "Operations"): every command
// regio's operations offer, listed once, each with its options declared in the
// library next to its operation. The CLI builds its subcommands from it,
// `regio run` runs pipeline steps through it, and the pipeline's command
// catalog is read from it, so no other command list is kept.
#include "regio/options/command_entry.hpp"

#include <vector>

namespace regio::registry {

// In the order `regio --help` lists them.
std::vector<options::CommandEntry> commands();
// The words that group commands ("aggregate", "crosswalk").
std::vector<options::CommandGroup> command_groups();

}  // namespace regio::registry
