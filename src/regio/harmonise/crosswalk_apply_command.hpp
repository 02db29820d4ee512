#pragma once
// `regio crosswalk apply` in the registry: its options, declared here and
// bound to a CrosswalkApplyRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::harmonise {

options::CommandEntry crosswalk_apply_command();

}  // namespace regio::harmonise
