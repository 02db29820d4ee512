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
// Uses `threads` threads, each with its own GEOS context. Regions marked in
// `skip` (when given, one flag per region) are left alone: the caller knows
// them to be valid or repairs them otherwise.
std::vector<RepairNote> repair_invalid(RegionSet& regions, unsigned threads, const std::vector<char>* skip = nullptr);

struct Overlap {
    std::size_t first;
    std::size_t second;
    double area;          // in CRS units squared
    bool significant;     // beyond the tolerance
};

// Generalised boundaries (e.g. NUTS at 1:3M) overlap their neighbours by a few
// hundred square metres along national borders; such digitising slivers are
// tolerated (and reported) up to this share of the smaller region's area.
inline constexpr double kDefaultOverlapTolerance = 1e-4;

enum class OverlapPolicy { Error, Allow };

// Pairs of regions whose interiors overlap, flagged significant when by more
// than `relative_tolerance` of the smaller one's area. Candidates come from the locator (a vertex, edge
// midpoint or interior point of one strictly inside the other); their overlap
// is then measured exactly with GEOS.
//
// `known` (when given, one flag per region) marks regions whose overlaps with
// each other are already known, e.g. units identical to those of another
// vintage that was checked: pairs of two known regions are neither probed nor
// measured, pairs with at least one other region are found as without it.
std::vector<Overlap> find_overlaps(const RegionSet& regions, const PointLocator& locator, unsigned threads,
                                   double relative_tolerance = kDefaultOverlapTolerance,
                                   const std::vector<char>* known = nullptr);

// Throws GeometryError naming the first significant overlap (when policy is Error).
void check_overlaps(const RegionSet& regions, const std::vector<Overlap>& overlaps, OverlapPolicy policy);

}  // namespace regio::geometry
