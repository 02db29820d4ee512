#pragma once
// Reads a polygon layer into a RegionSet: ids as text, shapes in input order,
// the layer's CRS (required). Geometry validity is checked later, in geometry/.
#include "regio/geometry/region_set.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_fixes.hpp"

#include <map>
#include <string>
#include <vector>

namespace regio::io {

struct RegionReadOptions {
    std::string id_field;
    // Attributes read in the same pass (a GeoJSON file is parsed whole at
    // every opening), as read_text_field / read_numeric_field read them.
    std::vector<std::string> text_fields;
    std::vector<std::string> numeric_fields;
    // Ids changed and features left out while reading, before the duplicate
    // check (--set-id, --skip-feature).
    RegionFixes fixes;
    // The field that names a region in messages (--name); without it the
    // first text field other than the id.
    std::string name_field;
};

// The attributes asked for, one value per region in the RegionSet's order.
struct RegionFields {
    std::map<std::string, std::vector<std::string>> text;
    std::map<std::string, std::vector<double>> numbers;
};

// Throws IoError (file), DataError (layer, field, null or duplicate ids,
// non-polygon geometry, text in a numeric field that is not a number),
// CrsError (no CRS). warnings gets one line per region without geometry.
// Other attributes than the id and those asked for are not decoded.
// A duplicated id is described feature by feature (FID, name, area,
// centroid) with a hint naming the fix options. A fix naming a feature that
// does not exist is a UsageError. `applied` (when given) gets each fix as used.
geometry::RegionSet read_regions(const InputSpec& input, const RegionReadOptions& options,
                                 std::vector<std::string>& warnings, RegionFields* fields = nullptr,
                                 std::vector<AppliedFix>* applied = nullptr);

}  // namespace regio::io
