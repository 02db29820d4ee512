#pragma once
// The warnings of crosswalk apply, in the order they are printed after its
// summary: sources whose shares do not sum to 1 (accepted by --accept-loss),
// data rows the crosswalk does not know, crosswalk sources without a data row.
#include "regio/harmonise/apply.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

// Without the "regio: warning: " the front-end puts before each.
std::vector<std::string> apply_warnings(const ApplyResult& carried, const std::string& crosswalk_path);

}  // namespace regio::harmonise
