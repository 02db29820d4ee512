#pragma once
// `regio map` in the registry (issue #13): its options, declared here and
// bound to a MapRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::maps {

options::CommandEntry map_command();

}  // namespace regio::maps
