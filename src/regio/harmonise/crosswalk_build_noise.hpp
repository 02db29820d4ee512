#pragma once
// crosswalk build's boundary noise request (issue #19) turned into the
// algorithm's options: the tolerance D (given, or from the map scale in the file names)
// and the parents of each unit (--within-prefix, --within).
#include "regio/geometry/region_set.hpp"
#include "regio/harmonise/boundary_noise.hpp"

#include <string>

namespace regio::harmonise {

struct CrosswalkBuildRequest;  // crosswalk_build_operation.hpp

struct NoiseSetup {
    BoundaryNoiseOptions options;
    std::string tolerance_source;  // "option", "map scale in the file name", "none"
    std::string parents;           // the rule as given, "" for none
    [[nodiscard]] bool active() const { return options.tolerance_m > 0 || !options.from_parents.empty(); }
};

NoiseSetup noise_setup(const CrosswalkBuildRequest& args, const geometry::RegionSet& from, const geometry::RegionSet& to);

}  // namespace regio::harmonise
