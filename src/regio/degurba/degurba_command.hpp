#pragma once
// `regio degurba` in the registry (issue #13): its options, declared in
// degurba_command_options.hpp, and how it runs once they are parsed.
#include "regio/options/command_entry.hpp"

namespace regio::degurba {

options::CommandEntry degurba_command();

}  // namespace regio::degurba
