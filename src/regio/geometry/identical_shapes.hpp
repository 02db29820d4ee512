#pragma once
// Units whose geometry is bit-identical in two region sets: between two
// releases of a boundary set most units are unchanged (or only recoded), and
// whatever is known of one copy (validity, overlaps, intersections) holds for
// the other.
#include "regio/geometry/region_set.hpp"

#include <cstdint>
#include <vector>

namespace regio::geometry {

// For each region of `from`, the index of the region of `to` with the same
// geometry (every polygon, ring and vertex equal, in the same order), or -1.
// Each region of `to` is the partner of at most one region of `from` (the
// first free one in input order); empty shapes have no partner.
[[nodiscard]] std::vector<std::int64_t> identical_partners(const RegionSet& from, const RegionSet& to);

}  // namespace regio::geometry
