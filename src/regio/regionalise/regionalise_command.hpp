#pragma once
// `regio regionalise` in the registry: its options, declared here and bound
// to a RegionaliseRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::regionalise {

options::CommandEntry regionalise_command();

}  // namespace regio::regionalise
