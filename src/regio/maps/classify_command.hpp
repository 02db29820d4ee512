#pragma once
// `regio classify` in the registry (issue #13): its options, declared here and
// bound to a ClassifyRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::maps {

options::CommandEntry classify_command();

}  // namespace regio::maps
