#pragma once
// `regio atlas` in the registry: its options, declared here and bound to an
// AtlasRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::atlas {

options::CommandEntry atlas_command();

}  // namespace regio::atlas
