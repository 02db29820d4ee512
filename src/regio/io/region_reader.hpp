#pragma once
// Reads a polygon layer into a RegionSet: ids as text, shapes in input order,
// the layer's CRS (required). Geometry validity is checked later, in geometry/.
#include "regio/geometry/region_set.hpp"
#include "regio/io/input_spec.hpp"

#include <string>
#include <vector>

namespace regio::io {

struct RegionReadOptions {
    std::string id_field;
    std::string name_field;  // optional, unused for now by points
};

// Throws IoError (file), DataError (layer, field, null or duplicate ids,
// non-polygon geometry), CrsError (no CRS). warnings gets one line per region
// without geometry.
geometry::RegionSet read_regions(const InputSpec& input, const RegionReadOptions& options,
                                 std::vector<std::string>& warnings);

}  // namespace regio::io
