#pragma once
// How sure a crosswalk is (issue #19) in crosswalk apply: the per-target
// near-boundary share as a column and a summary line (crosswalk build's
// side: harmonise/near_boundary_build).
#include "regio/geometry/region_set.hpp"
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/boundary_noise.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/near_boundary.hpp"
#include "regio/harmonise/overlay.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::cli {

// --uncertainty-column NAME of crosswalk apply; `of_first_column`: the share
// is one of the first --extensive column.
void add_uncertainty_column(harmonise::ApplyResult& result, const harmonise::Crosswalk& crosswalk, const std::string& name,
                            bool of_first_column);
std::string near_boundary_line(const harmonise::ApplyResult& result, const std::vector<std::string>& extensive);

}  // namespace regio::cli
