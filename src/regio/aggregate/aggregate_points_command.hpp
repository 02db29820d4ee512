#pragma once
// `regio aggregate points` in the registry: its options, declared here and
// bound to an AggregatePointsRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::aggregate {

options::CommandEntry aggregate_points_command();

}  // namespace regio::aggregate
