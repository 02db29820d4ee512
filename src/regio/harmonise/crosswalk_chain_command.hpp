#pragma once
// `regio crosswalk chain` in the registry: its options, declared here and
// bound to a CrosswalkChainRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::harmonise {

options::CommandEntry crosswalk_chain_command();

}  // namespace regio::harmonise
