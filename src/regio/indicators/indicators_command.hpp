#pragma once
// `regio indicators` in the registry: its options, declared here and bound to
// an IndicatorsRequest, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::indicators {

options::CommandEntry indicators_command();

}  // namespace regio::indicators
