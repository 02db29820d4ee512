#pragma once
// A set of regions as the algorithms see them: ids, shapes and the CRS, in
// input order. Filled by io/ (read_regions), checked by geometry/.
#include "regio/geometry/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace regio::geometry {

struct RegionSet {
    std::string file;               // for messages
    std::string layer;
    std::string id_field;
    std::string crs_wkt;            // never empty once read (a missing CRS is an error)
    std::vector<std::string> ids;   // unique
    std::vector<MultiPolygon> shapes;
    std::vector<std::int64_t> feature_ids;  // OGR FIDs, for messages

    [[nodiscard]] std::size_t size() const { return ids.size(); }
};

}  // namespace regio::geometry
