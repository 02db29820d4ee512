#pragma once
// Advice when two vintages are generalised at a coarse scale (issue #19): their
// boundaries disagree where nothing changed, by about their vertex spacing.
// crosswalk build warns, says what the tolerance did or would do, and names
// the finer files that remove the noise.
#include "regio/geometry/region_set.hpp"
#include "regio/harmonise/boundary_noise.hpp"

#include <optional>
#include <string>
#include <vector>

namespace regio::harmonise {

// The median length of the set's boundary edges (metres in a projected CRS);
// 0 for a set without edges.
double median_vertex_spacing(const geometry::RegionSet& set);

// Spacing above which boundaries count as generalised: GISCO's 1:1M files
// have vertices about 100-200 m apart, 1:3M about 500 m, 1:20M a few km;
// surveyed municipal boundaries a few metres.
inline constexpr double kCoarseVertexSpacing = 250;
// The widest mean width (2 area / perimeter) a strip of generalisation noise
// is taken to have when no tolerance is given.
inline constexpr double kMaxNoiseWidth = 5000;

// The mean widths (2 area / perimeter) of the pieces between two different
// units whose codes both exist in both vintages, no wider on average than
// `width`: the signature of two generalisations of one boundary.
std::vector<double> thin_pieces_between_kept_codes(const OverlayResult& overlay, const geometry::RegionSet& from,
                                           const geometry::RegionSet& to, double width);

// The warning to print (without "regio: warning: "), or none unless a set is
// coarser than kCoarseVertexSpacing and at least 10 pieces (and 1 per 20
// units) are thin pieces between kept codes. `overlay`: before the noise is
// resolved.
std::optional<std::string> generalisation_advice(const geometry::RegionSet& from, const geometry::RegionSet& to,
                                                 const OverlayResult& overlay, double tolerance_m);

}  // namespace regio::harmonise
