#pragma once
// `regio aggregate grid` in the registry: its options, declared here and bound
// to an AggregateGridRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::aggregate {

options::CommandEntry aggregate_grid_command();

}  // namespace regio::aggregate
