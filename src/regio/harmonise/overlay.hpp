#pragma once
// Exact overlay of two region sets (two vintages of boundaries): the area of
// every intersecting pair, computed in one pass over both sets' edges without
// building any intersection polygon.
//
// Method: the area of a region is ∮ x dy over its boundary (interior on the
// left). The boundary of a ∩ b consists of the parts of a's boundary inside
// b, the parts of b's boundary inside a, and the parts where the two
// boundaries coincide with both interiors on the same side. So every edge of
// both sets is split where it meets an edge of the other set, each piece is
// located in the other set (a point beside the piece, on its interior side),
// and its ∮ x dy is added to the pair it bounds. A piece of b lying on a's
// boundary is skipped: the matching piece of a already counts it.
// The pieces are kept: they are the oriented boundary of each a ∩ b, which is
// all that grid coverage needs to weight the pairs by population.
#include "regio/geometry/point_locator.hpp"
#include "regio/geometry/region_set.hpp"
#include "regio/grid/coverage.hpp"

#include <cstdint>
#include <utility>
#include <vector>

namespace regio::harmonise {

struct OverlayPair {
    std::uint32_t from;
    std::uint32_t to;
    double area;
    std::vector<grid::BoundarySegment> boundary;  // oriented boundary of from ∩ to
};

struct OverlayResult {
    std::vector<OverlayPair> pairs;  // sorted by (from, to); area > 0
    std::vector<double> from_area;   // area of each region of the first set
    std::vector<double> to_area;
};

// Both sets must be in the same projected (ideally equal-area) CRS. Point
// locators of the two sets may be passed in when the caller has them, and
// so may geometry::identical_partners(from, to) (computed here otherwise; a
// caller's may miss identical pairs, never mark different ones).
// `overlapping`: the units of each set that overlap (tolerated digitising
// slivers; the region checks find them). Units identical in both sets are not
// split, so a pair of such a unit with one its copy overlaps is only measured
// exactly when listed here.
struct OverlappingUnits {
    std::vector<std::pair<std::size_t, std::size_t>> from;
    std::vector<std::pair<std::size_t, std::size_t>> to;
};
OverlayResult overlay(const geometry::RegionSet& from, const geometry::RegionSet& to, unsigned threads,
                      const geometry::PointLocator* from_locator = nullptr, const geometry::PointLocator* to_locator = nullptr,
                      const std::vector<std::int64_t>* partners = nullptr, const OverlappingUnits* overlapping = nullptr);

}  // namespace regio::harmonise
