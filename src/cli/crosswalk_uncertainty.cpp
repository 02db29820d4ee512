#include "crosswalk_uncertainty.hpp"

#include "regio/error.hpp"
#include "regio/harmonise/pair_weights.hpp"
#include "regio/io/grid_source.hpp"

#include <fmt/format.h>

namespace regio::cli {

harmonise::BandWeight measure_near_boundary(harmonise::Crosswalk& cw, const harmonise::OverlayResult& resolved,
                                            const harmonise::NoiseResult& noise, const geometry::RegionSet& from,
                                            const geometry::RegionSet& to, double tolerance_m, const std::vector<double>& weights,
                                            const std::string& grid_spec, unsigned threads) {
    const harmonise::NearBoundaryPieces near = harmonise::near_boundary_pieces(resolved, noise, from, to, tolerance_m, threads);
    const harmonise::BandWeight how = grid_spec.empty() ? harmonise::BandWeight::ApportionedByArea : harmonise::BandWeight::Measured;
    std::vector<double> band_weights;
    if (!weights.empty() && how == harmonise::BandWeight::Measured) {
        std::vector<geometry::MultiPolygon> bands;
        bands.reserve(near.bands.size());
        for (const auto& band : near.bands) bands.push_back(band.shape);
        band_weights = harmonise::shape_weights_from_grid(*io::open_raster_grid(grid_spec), bands, threads);
    }
    harmonise::attach_near_boundary(cw, resolved, from.ids, to.ids,
                                    harmonise::near_boundary_shares(resolved, near, weights.empty() ? nullptr : &weights, how,
                                                                    band_weights.empty() ? nullptr : &band_weights));
    return how;
}

nlohmann::ordered_json near_boundary_json(const harmonise::Crosswalk& cw, double tolerance_m, harmonise::BandWeight how) {
    const harmonise::NearBoundarySummary nb = harmonise::summarise_near_boundary(cw);
    const nlohmann::ordered_json none(nullptr);
    return {{"distance_m", tolerance_m},
            {"measured_along", "lines between the kept pieces of a source (the target boundaries that split it); noise pieces whole"},
            {"area_share", nb.area_share},
            {"weight_share", cw.has_weights ? nlohmann::ordered_json(nb.weight_share) : none},
            {"weight_in_bands", cw.has_weights ? nlohmann::ordered_json(harmonise::band_weight_name(how)) : none},
            {"max_share", nb.max_share},
            {"max_from_id", nb.max_from},
            {"max_to_id", nb.max_to}};
}

std::string near_boundary_build_line(const harmonise::Crosswalk& cw, double tolerance_m) {
    const harmonise::NearBoundarySummary nb = harmonise::summarise_near_boundary(cw);
    return fmt::format("near boundary (within {:g} m of a line that splits a source, or noise): {:.4g} % of the {}, "
                       "largest in {} -> {} ({:.4g} %)",
                       tolerance_m, 100 * (cw.has_weights ? nb.weight_share : nb.area_share), cw.has_weights ? "weight" : "area",
                       nb.max_from, nb.max_to, 100 * nb.max_share);
}

// --uncertainty-column: the per-target near-boundary share as a column of
// the output, checked before anything is written. It is empty where the
// first --extensive column (the value it is a share of) is.
void add_uncertainty_column(harmonise::ApplyResult& result, const harmonise::Crosswalk& crosswalk, const std::string& name,
                            bool of_first_column) {
    if (!crosswalk.has_near_boundary)
        throw DataError("--uncertainty-column: the crosswalk has no near_boundary_area_share column (it was built without a "
                        "boundary tolerance)",
                        Where{crosswalk.file}, "build it with --boundary-tolerance D (metres), or drop --uncertainty-column");
    if (name == result.table.id_name() || result.table.find(name) != nullptr)
        throw UsageError("--uncertainty-column '" + name + "' is already a column of the output: choose another name");
    auto& column = result.table.add_column(name, table::ColumnKind::Real);
    const std::vector<table::CellStatus> first_status =
        of_first_column ? result.table.columns().front().status : std::vector<table::CellStatus>{};
    for (std::size_t t = 0; t < result.table.rows(); ++t) {
        column.values[t] = result.near_boundary_share[t];
        if (of_first_column) column.status[t] = first_status[t];
    }
}

// "near boundary: largest shares of carried value from near-boundary weight
// (first column, area weighting): T1 0.6, T2 0.3": the first five targets.
std::string near_boundary_line(const harmonise::ApplyResult& result, const std::vector<std::string>& extensive) {
    const auto largest = harmonise::largest_near_boundary_shares(result, 5);
    const std::string basis = extensive.empty() ? std::string("the weight itself") : "'" + extensive[0] + "'";
    if (largest.empty()) return "near boundary: no target's value comes from near-boundary weight";
    std::string list;
    for (const auto& [id, share] : largest) list += fmt::format("{}{} {:.4g}", list.empty() ? "" : ", ", id, share);
    return fmt::format("near boundary: targets whose value ({}) comes most from near-boundary weight: {}", basis, list);
}

}  // namespace regio::cli
