#include "regio/harmonise/near_boundary.hpp"

#include "regio/error.hpp"
#include "regio/geometry/intersection.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace regio::harmonise {
namespace {

double clamped_share(double part, double whole) { return whole > 0 ? std::clamp(part / whole, 0.0, 1.0) : 0.0; }

}  // namespace

const char* band_weight_name(BandWeight how) {
    return how == BandWeight::Measured ? "measured in the band" : "apportioned by area within the piece";
}

NearBoundaryPieces near_boundary_pieces(const OverlayResult& resolved, const NoiseResult& noise, const geometry::RegionSet& from,
                                        const geometry::RegionSet& to, double tolerance_m, unsigned threads) {
    const auto& pairs = resolved.pairs;
    NearBoundaryPieces out;
    out.noise_area.assign(pairs.size(), 0.0);
    out.noise_weight.assign(pairs.size(), 0.0);
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> index;
    for (std::size_t k = 0; k < pairs.size(); ++k) index.emplace(std::make_pair(pairs[k].from, pairs[k].to), k);
    for (const NoisePiece& p : noise.pieces) {
        const auto it = index.find({p.from, p.given_to});
        if (it == index.end()) throw Error("internal error: a noise piece was given to a pair that does not exist");
        out.noise_area[it->second] += p.area;
        out.noise_weight[it->second] += p.weight;
    }
    // Sources split into more than one kept piece: only their pieces are cut
    // out (GEOS) and banded; pairs are sorted by source.
    std::vector<std::pair<std::size_t, std::size_t>> units;
    std::vector<std::size_t> pair_of;
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t k = 0; k < pairs.size();) {
        std::size_t end = k;
        while (end < pairs.size() && pairs[end].from == pairs[k].from) ++end;
        if (end - k > 1) {
            groups.emplace_back();
            for (std::size_t i = k; i < end; ++i) {
                groups.back().push_back(units.size());
                units.emplace_back(pairs[i].from, pairs[i].to);
                pair_of.push_back(i);
            }
        }
        k = end;
    }
    out.bands.assign(pairs.size(), {});
    if (tolerance_m > 0 && !units.empty()) {
        const auto pieces = geometry::intersections(from.shapes, to.shapes, units, threads);
        auto bands = geometry::neighbour_bands(pieces, groups, tolerance_m, threads);
        for (std::size_t u = 0; u < bands.size(); ++u) out.bands[pair_of[u]] = std::move(bands[u]);
    }
    return out;
}

NearBoundaryShares near_boundary_shares(const OverlayResult& resolved, const NearBoundaryPieces& near,
                                        const std::vector<double>* pair_weights, BandWeight how,
                                        const std::vector<double>* band_weights) {
    const auto& pairs = resolved.pairs;
    NearBoundaryShares out;
    out.area.resize(pairs.size());
    for (std::size_t k = 0; k < pairs.size(); ++k)
        out.area[k] = clamped_share(near.bands[k].area + near.noise_area[k], pairs[k].area);
    if (!pair_weights) return out;
    out.weight.resize(pairs.size());
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        const double total = (*pair_weights)[k];
        double band = 0;
        if (how == BandWeight::Measured && band_weights) {
            band = (*band_weights)[k];
        } else {
            // The piece's own weight (its noise taken out), spread evenly over its area.
            const double own_area = pairs[k].area - near.noise_area[k];
            band = own_area > 0 ? (total - near.noise_weight[k]) * near.bands[k].area / own_area : 0.0;
        }
        out.weight[k] = clamped_share(band + near.noise_weight[k], total);
    }
    return out;
}

void attach_near_boundary(Crosswalk& cw, const OverlayResult& resolved, const std::vector<std::string>& from_ids,
                          const std::vector<std::string>& to_ids, const NearBoundaryShares& shares) {
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (std::size_t k = 0; k < resolved.pairs.size(); ++k)
        index.emplace(std::make_pair(from_ids[resolved.pairs[k].from], to_ids[resolved.pairs[k].to]), k);
    cw.has_near_boundary = true;
    for (auto& row : cw.rows) {
        const auto it = index.find({row.from_id, row.to_id});
        if (it == index.end()) throw Error("internal error: a crosswalk row without its overlay pair");
        row.near_boundary_area_share = shares.area[it->second];
        if (!shares.weight.empty()) row.near_boundary_weight_share = shares.weight[it->second];
    }
}

NearBoundarySummary summarise_near_boundary(const Crosswalk& cw) {
    NearBoundarySummary out;
    double area = 0, weight = 0;
    for (const auto& row : cw.rows) {
        area += row.area_m2;
        out.area_share += row.area_m2 * row.near_boundary_area_share;
        weight += row.weight;
        out.weight_share += row.weight * row.near_boundary_weight_share;
        const double share = cw.has_weights ? row.near_boundary_weight_share : row.near_boundary_area_share;
        if (out.max_from.empty() || share > out.max_share) {
            out.max_share = share;
            out.max_from = row.from_id;
            out.max_to = row.to_id;
        }
    }
    out.area_share = area > 0 ? out.area_share / area : 0.0;
    out.weight_share = weight > 0 ? out.weight_share / weight : 0.0;
    return out;
}

}  // namespace regio::harmonise
