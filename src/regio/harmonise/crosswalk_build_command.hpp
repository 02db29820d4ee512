#pragma once
// `regio crosswalk build` in the registry: its options, declared here and
// bound to a CrosswalkBuildRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::harmonise {

options::CommandEntry crosswalk_build_command();

}  // namespace regio::harmonise
