#pragma once
// A text field of a vintage's units (names, parent codes) in the order of
// the checked region set's ids: crosswalk build's --from-name/--to-name and
// --within read it.
#include "regio/geometry/region_set.hpp"
#include "regio/regions/region_source.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

// Read by id, so that the order of the layer does not matter; a unit the
// field has no row for gets "".
std::vector<std::string> unit_names(const regions::RegionSource& side, const std::string& field,
                                    const geometry::RegionSet& regions);

}  // namespace regio::harmonise
