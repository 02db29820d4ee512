#include "regio/harmonise/crosswalk_build_weights.hpp"

#include "regio/aggregate/landing_check.hpp"
#include "regio/error.hpp"
#include "regio/harmonise/pair_weights.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/text_input.hpp"
#include "regio/io/vector_probe.hpp"

#include <optional>

namespace regio::harmonise {
namespace {

std::vector<double> grid_pair_weights(io::GridSource& grid, const std::string& spec, const geometry::RegionSet& from,
                                      const OverlayResult& overlay, unsigned threads) {
    const io::Crs regions_crs = io::Crs::from_wkt(from.crs_wkt);
    if (!regions_crs.same_as(grid.crs()))
        throw CrsError("the weights grid is in " + grid.crs().name + " but the regions are in " + regions_crs.name,
                       Where{spec}, "pass --work-crs with the grid's CRS so that both vintages are overlaid in it");
    return pair_weights_from_grid(grid, overlay, threads);
}

// --weights names points (a text table or any vector layer) rather than a
// raster: decided by the extension, then by whether OGR opens it.
bool weights_are_points(const io::InputSpec& input) {
    return io::is_text_table_name(input.path) || io::opens_as_vector_layers(input.path);
}

}  // namespace

WeightPoints open_weight_points(const CrosswalkBuildRequest& args) {
    const io::InputSpec weights_input = io::InputSpec::parse(args.weights, args.weights_layer);
    const bool point_weights = !args.weights.empty() && weights_are_points(weights_input);
    const bool point_options = !args.weights_x.empty() || !args.weights_y.empty() || !args.weights_crs.empty() ||
                               !args.weights_field.empty() || !args.weights_layer.empty();
    if (point_options && !point_weights)
        throw UsageError("--weights-x, --weights-y, --weights-crs, --weights-field and --weights-layer apply to --weights "
                         "points (a CSV or a vector layer)");
    WeightPoints points;
    if (point_weights) {
        const io::PointFields fields{args.weights_x, args.weights_y,
                                     args.weights_field.empty() ? std::vector<std::string>{} : std::vector<std::string>{args.weights_field},
                                     {}, args.text};
        points.source = io::open_point_source(weights_input, fields);
        points.crs = io::point_source_crs(*points.source, args.weights_crs, "--weights-crs", "weight points");
    }
    return points;
}

std::vector<double> weigh_pieces(const CrosswalkBuildRequest& args, WeightPoints& points, const OverlayResult& overlay,
                                 const regions::CheckedRegions& from, const regions::CheckedRegions& to, const io::Crs& work,
                                 bool transformed, unsigned threads, CrosswalkBuildResult& result) {
    std::vector<double> weights;
    if (points.source) {
        // The checks' locators are stale when the shapes were transformed.
        std::optional<geometry::PointLocator> from_moved, to_moved;
        if (transformed) {
            from_moved.emplace(from.regions);
            to_moved.emplace(to.regions);
        }
        std::optional<io::PointTransformer> transformer;
        if (!points.crs.same_as(work)) transformer.emplace(points.crs, work);
        const io::CrsDomain points_domain(points.crs);
        result.points = pair_weights_from_points(*points.source, overlay, from_moved ? *from_moved : from.locator,
                                                 to_moved ? *to_moved : to.locator, transformer ? &*transformer : nullptr,
                                                 &points_domain);
        const PointPairWeights& counted = *result.points;
        if (counted.read != counted.in_pieces + counted.outside_count + counted.invalid)
            throw Error("internal error: weight points are not conserved (read != in pieces + outside + invalid)");
        // No weight point in any piece is a wrong CRS, not a crosswalk without
        // weights (points outside some pieces have their own warning below).
        aggregate::check_landing({"weight points", points.source->display(), points.crs.name, work.name,
                                  static_cast<double>(counted.in_pieces + counted.outside_count),
                                  static_cast<double>(counted.in_pieces), aggregate::OutsideShare::Expected});
        weights = counted.weights;
        result.points_display = points.source->display();
        result.points_ref_kind = points.source->ref_kind();
    } else if (!args.weights.empty()) {
        // Opened here, on this thread: its CRS (PROJ, set up per thread) costs
        // less where PROJ already is, and its errors come after the vintages'.
        const std::unique_ptr<io::GridSource> grid = io::open_raster_grid(args.weights);
        weights = grid_pair_weights(*grid, args.weights, from.regions, overlay, threads);
    }
    return weights;
}

}  // namespace regio::harmonise
