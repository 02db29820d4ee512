#pragma once
// `regio compare` in the registry: its options, declared here and bound to a
// CompareRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::compare {

options::CommandEntry compare_command();

}  // namespace regio::compare
