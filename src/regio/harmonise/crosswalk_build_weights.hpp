#pragma once
// crosswalk build's weights of the pieces a ∩ b: the exact coverage of a
// population raster, or points (a CSV or any OGR point layer) located in
// both vintages, every point accounted for (in pieces + outside + invalid).
#include "regio/harmonise/crosswalk_build_operation.hpp"
#include "regio/harmonise/overlay.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/point_source.hpp"
#include "regio/regions/checked_regions.hpp"

#include <memory>
#include <vector>

namespace regio::harmonise {

struct WeightPoints {
    std::unique_ptr<io::PointSource> source;  // nullptr: the weights are a raster, or none
    io::Crs crs;                              // the layer's own, or --weights-crs; never a guess
};

// Opened before the vintages: header and CRS problems are cheaper to find
// than a full region check. UsageError for point options without points.
WeightPoints open_weight_points(const CrosswalkBuildRequest& request);

// The weight of each overlay pair (empty without --weights). With points,
// their figures go into result.points (and its display names); a DataError
// when none lands in a piece (a wrong CRS).
std::vector<double> weigh_pieces(const CrosswalkBuildRequest& request, WeightPoints& points, const OverlayResult& overlay,
                                 const regions::CheckedRegions& from, const regions::CheckedRegions& to, const io::Crs& work,
                                 bool transformed, unsigned threads, CrosswalkBuildResult& result);

}  // namespace regio::harmonise
