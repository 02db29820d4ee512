#pragma once
// How sure a crosswalk row is (issue #19): the share of its weight that lies
// near a boundary where the choice between candidate units depends on the
// precision of the geometry. With a boundary tolerance D > 0 that is
//  - the band of the row's kept piece within D of the source's other kept
//    pieces, i.e. along the target boundaries that cut the source into rows
//    (a point there could fall into the neighbouring row if the boundaries
//    moved by D), and
//  - every noise piece given to the row (thinner than D, or across an
//    unchanged parent: where it goes is the tolerance's decision, not the
//    geometry's).
// The source's own outline is not measured: the source's value was tallied
// by its own (official) boundary, so the outline decides nothing about where
// that value goes; only the lines that split the source do. A source that goes
// whole into one target therefore carries only its noise pieces (an unchanged
// unit: its generalisation slivers; share 0 at best).
// At D = 0 nothing is measured and the crosswalk has no such columns.
#include "regio/geometry/neighbour_bands.hpp"
#include "regio/geometry/region_set.hpp"
#include "regio/harmonise/boundary_noise.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/overlay.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

// Per overlay pair, after resolve_boundary_noise (the pairs that remain).
struct NearBoundaryPieces {
    std::vector<geometry::Band> bands;  // of the pair's own (kept) piece
    std::vector<double> noise_area;     // noise pieces given to the pair
    std::vector<double> noise_weight;
};

NearBoundaryPieces near_boundary_pieces(const OverlayResult& resolved, const NoiseResult& noise, const geometry::RegionSet& from,
                                        const geometry::RegionSet& to, double tolerance_m, unsigned threads);

// How the weight (population) of a band is known: measured in the band (grid
// cells by exact coverage of the band), or only per piece (weight points are
// located per piece: the band gets the piece's weight in proportion to its
// area).
enum class BandWeight { Measured, ApportionedByArea };
const char* band_weight_name(BandWeight how);

// Per pair: the near-boundary share of its area and, with weights, of its
// weight. `band_weights` (per pair, with BandWeight::Measured) is the weight
// inside each band. Shares are clamped to [0, 1] (a band measured apart from
// its piece can exceed it by rounding).
struct NearBoundaryShares {
    std::vector<double> area;
    std::vector<double> weight;  // empty without weights
};
NearBoundaryShares near_boundary_shares(const OverlayResult& resolved, const NearBoundaryPieces& near,
                                        const std::vector<double>* pair_weights, BandWeight how,
                                        const std::vector<double>* band_weights);

// Fills the near-boundary columns of the rows of `cw` (built from `resolved`
// by build_crosswalk: one row per kept pair).
void attach_near_boundary(Crosswalk& cw, const OverlayResult& resolved, const std::vector<std::string>& from_ids,
                          const std::vector<std::string>& to_ids, const NearBoundaryShares& shares);

// The figures of a crosswalk's near-boundary columns: the share of all its
// area (weight) that lies near a boundary, Σ share × area / Σ area, and the
// row where that share is largest (the first of equal ones).
struct NearBoundarySummary {
    double area_share = 0;
    double weight_share = 0;  // with weights
    double max_share = 0;     // of the weight when there are weights, else of the area
    std::string max_from;
    std::string max_to;
};
NearBoundarySummary summarise_near_boundary(const Crosswalk& cw);

}  // namespace regio::harmonise
