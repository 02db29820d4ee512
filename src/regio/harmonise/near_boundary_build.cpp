#include "regio/harmonise/near_boundary_build.hpp"

#include "regio/harmonise/pair_weights.hpp"
#include "regio/io/grid_source.hpp"

#include <fmt/format.h>

namespace regio::harmonise {

BandWeight measure_near_boundary(Crosswalk& cw, const OverlayResult& resolved, const NoiseResult& noise,
                                 const geometry::RegionSet& from, const geometry::RegionSet& to, double tolerance_m,
                                 const std::vector<double>& weights, const std::string& grid_spec, unsigned threads) {
    const NearBoundaryPieces near = near_boundary_pieces(resolved, noise, from, to, tolerance_m, threads);
    const BandWeight how = grid_spec.empty() ? BandWeight::ApportionedByArea : BandWeight::Measured;
    std::vector<double> band_weights;
    if (!weights.empty() && how == BandWeight::Measured) {
        std::vector<geometry::MultiPolygon> bands;
        bands.reserve(near.bands.size());
        for (const auto& band : near.bands) bands.push_back(band.shape);
        band_weights = shape_weights_from_grid(*io::open_raster_grid(grid_spec), bands, threads);
    }
    attach_near_boundary(cw, resolved, from.ids, to.ids,
                         near_boundary_shares(resolved, near, weights.empty() ? nullptr : &weights, how,
                                              band_weights.empty() ? nullptr : &band_weights));
    return how;
}

nlohmann::ordered_json near_boundary_json(const Crosswalk& cw, double tolerance_m, BandWeight how) {
    const NearBoundarySummary nb = summarise_near_boundary(cw);
    const nlohmann::ordered_json none(nullptr);
    return {{"distance_m", tolerance_m},
            {"measured_along", "lines between the kept pieces of a source (the target boundaries that split it); noise pieces whole"},
            {"area_share", nb.area_share},
            {"weight_share", cw.has_weights ? nlohmann::ordered_json(nb.weight_share) : none},
            {"weight_in_bands", cw.has_weights ? nlohmann::ordered_json(band_weight_name(how)) : none},
            {"max_share", nb.max_share},
            {"max_from_id", nb.max_from},
            {"max_to_id", nb.max_to}};
}

std::string near_boundary_build_line(const Crosswalk& cw, double tolerance_m) {
    const NearBoundarySummary nb = summarise_near_boundary(cw);
    return fmt::format("near boundary (within {:g} m of a line that splits a source, or noise): {:.4g} % of the {}, "
                       "largest in {} -> {} ({:.4g} %)",
                       tolerance_m, 100 * (cw.has_weights ? nb.weight_share : nb.area_share), cw.has_weights ? "weight" : "area",
                       nb.max_from, nb.max_to, 100 * nb.max_share);
}

}  // namespace regio::harmonise
