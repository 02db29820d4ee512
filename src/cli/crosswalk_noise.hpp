#pragma once
// crosswalk build's boundary noise options (issue #19) turned into the
// library's: the tolerance D (given, or from the map scale in the file names)
// and the parents of each unit (--within-prefix, --within).
#include "crosswalk_build.hpp"
#include "regio/harmonise/boundary_noise.hpp"

#include <string>

namespace regio::cli {

struct NoiseSetup {
    harmonise::BoundaryNoiseOptions options;
    std::string tolerance_source;  // "option", "map scale in the file name", "none"
    std::string parents;           // the rule as given, "" for none
    [[nodiscard]] bool active() const { return options.tolerance_m > 0 || !options.from_parents.empty(); }
};

NoiseSetup noise_setup(const BuildArgs& args, const geometry::RegionSet& from, const geometry::RegionSet& to);

}  // namespace regio::cli
