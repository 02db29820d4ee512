#pragma once
// `regio segregation` in the registry: its options, declared here and bound
// to a SegregationRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::segregation {

options::CommandEntry segregation_command();

}  // namespace regio::segregation
