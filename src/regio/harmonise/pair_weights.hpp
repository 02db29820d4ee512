#pragma once
// Weights (population) of overlay pieces a ∩ b, from a grid by exact
// coverage of each piece, or from points located in both vintages.
#include "regio/aggregate/aggregate_grid.hpp"
#include "regio/geometry/point_locator.hpp"
#include "regio/harmonise/overlay.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/point_source.hpp"

#include <vector>

namespace regio::harmonise {

// Σ value × covered share of each piece (first value column of the grid),
// in the order of overlay.pairs. The pieces must be in the grid's CRS.
std::vector<double> pair_weights_from_grid(io::GridSource& grid, const OverlayResult& overlay, unsigned threads);

// Σ value × covered share of each shape (bands near boundaries, issue #19),
// in their order; an empty shape weighs 0. The shapes must be in the grid's
// CRS.
std::vector<double> shape_weights_from_grid(io::GridSource& grid, const std::vector<geometry::MultiPolygon>& shapes,
                                            unsigned threads);

// Σ weight (or the count, with weight_index < 0) of the points in each
// piece; points outside every piece are counted in `outside`. Points must be
// in the regions' CRS (transformer given otherwise).
// Every point is accounted for: read = in_pieces + outside_count + invalid.
// With a domain (of the points' CRS), a point outside it is an error
// (CrsError naming the first), checked before any transformation.
struct PointPairWeights {
    std::vector<double> weights;
    double outside = 0;                // Σ weight (or count) outside every piece
    std::int64_t read = 0;
    std::int64_t invalid = 0;          // unreadable records and points that could not be transformed
    std::int64_t in_pieces = 0;        // points located in a piece
    std::int64_t outside_count = 0;    // points located in no piece
    std::vector<io::InvalidRecord> invalid_examples;  // the first few invalid records
};
PointPairWeights pair_weights_from_points(io::PointSource& points, const OverlayResult& overlay,
                                          const geometry::PointLocator& from, const geometry::PointLocator& to,
                                          io::PointTransformer* transformer, const io::CrsDomain* points_domain = nullptr);

}  // namespace regio::harmonise
