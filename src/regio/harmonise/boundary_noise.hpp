#pragma once
// Boundary noise in an overlay of two vintages (issue #19): pieces that are
// not change but the disagreement of two separately generalised or digitised
// boundaries. Two rules find them:
//  - thin pieces: thinner than the tolerance D everywhere (nothing survives an
//    inward buffer of D/2), and neither the largest piece of their source nor
//    of their target (a unit thinner than D itself keeps its own piece);
//  - parents: when both vintages nest in parents that did not change (Berlin's
//    districts, a country's NUTS 1), a piece whose source and target lie in
//    different parents is noise by definition.
// A noise piece is given to the unit that holds the rest of its source (the
// source's largest kept piece, in the source's parent), so its area and weight
// stay with the source; each one is reported per unit pair.
#include "regio/geometry/region_set.hpp"
#include "regio/harmonise/overlay.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::harmonise {

struct BoundaryNoiseOptions {
    double tolerance_m = 0;  // D; 0: only the parent rule (if any)
    // The parent of each unit, in the order of the sets' units; both empty:
    // no parent rule.
    std::vector<std::string> from_parents;
    std::vector<std::string> to_parents;
};

enum class NoiseReason { Thin, CrossesParent };
const char* noise_reason_name(NoiseReason reason);

struct NoisePiece {
    std::uint32_t from;
    std::uint32_t to;        // the target the overlay gave it
    std::uint32_t given_to;  // the target it is given to
    double area;
    double weight;  // 0 without weights
    double mean_width_m;  // 2 area / perimeter: the boundary displacement it stands for
    NoiseReason reason;
};

struct NoiseResult {
    std::vector<NoisePiece> pieces;  // sorted by (from, to)
    // Per target: its area outside every source taken as outline noise (at
    // most D times its outline's length), no longer counted in its area.
    std::vector<double> to_outline_area;
};

// Moves the noise pieces of `overlay` (and of `weights`, one per pair, when
// given) into their receiving pairs; the sums over all pairs are unchanged.
// The targets' areas (overlay.to_area) move with the noise pieces.
// Throws DataError when a source has no piece in its own parent (the parents
// changed).
NoiseResult resolve_boundary_noise(OverlayResult& overlay, std::vector<double>* weights, const geometry::RegionSet& from,
                                   const geometry::RegionSet& to, const BoundaryNoiseOptions& options, unsigned threads);

// The tolerance for boundaries generalised for a map scale named in the file
// name the way GISCO names its files ("NUTS_RG_20M_2021_3035", "nuts_2021_03M"
// for 1:20 and 1:3 million): 0.25 mm at that scale (5 km at 1:20M, 750 m at
// 1:3M), about the displacement measured between two such vintages. None when
// the name gives no scale.
std::optional<double> tolerance_from_file_name(const std::string& path);

}  // namespace regio::harmonise
