#pragma once
// Checks on a RegionSet before anything is assigned to it: invalid polygons
// are repaired (with a warning naming the region), overlapping regions are an
// error naming the pair unless explicitly allowed.
#include "regio/geometry/point_locator.hpp"
#include "regio/geometry/region_set.hpp"

#include <string>
#include <vector>

namespace regio::geometry {

struct RepairNote {
    std::size_t region;
    std::string reason;  // GEOS's validity reason, e.g. "Self-intersection[x y]"
};

// Repairs invalid shapes in place with GEOS MakeValid; returns what was done.
// Uses `threads` threads, each with its own GEOS context.
std::vector<RepairNote> repair_invalid(RegionSet& regions, unsigned threads);

struct Overlap {
    std::size_t first;
    std::size_t second;
    double area;  // in CRS units squared
};

enum class OverlapPolicy { Error, Allow };

// Pairs of regions whose interiors overlap by more than `relative_tolerance`
// of the smaller one's area. Candidates come from the locator (a vertex, edge
// midpoint or interior point of one strictly inside the other); their overlap
// is then measured exactly with GEOS.
std::vector<Overlap> find_overlaps(const RegionSet& regions, const PointLocator& locator, unsigned threads,
                                   double relative_tolerance = 1e-6);

// Throws GeometryError naming the first overlapping pair (when policy is Error).
void check_overlaps(const RegionSet& regions, const std::vector<Overlap>& overlaps, OverlapPolicy policy);

}  // namespace regio::geometry
