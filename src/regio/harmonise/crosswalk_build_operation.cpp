// regio crosswalk build: overlay two vintages, weights, slivers, changes.
#include "regio/harmonise/crosswalk_build_operation.hpp"

#include "regio/error.hpp"
#include "regio/harmonise/crosswalk_build_outputs.hpp"
#include "regio/harmonise/crosswalk_build_weights.hpp"
#include "regio/harmonise/generalisation_advice.hpp"
#include "regio/harmonise/near_boundary_build.hpp"
#include "regio/harmonise/overlay.hpp"
#include "regio/harmonise/unit_fields.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/io/table_format.hpp"
#include "regio/regions/checked_regions.hpp"
#include "regio/stopwatch.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <thread>

namespace regio::harmonise {
namespace {

unsigned effective_threads(unsigned requested) {
    if (requested > 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

VintageFigures figures_of(const regions::CheckedRegions& side, const regions::RegionSource& source,
                          const std::vector<double>& areas) {
    VintageFigures f;
    f.source = source.input().display();
    f.units = side.regions.size();
    f.ids = side.regions.ids;
    for (double a : areas) f.area_m2 += a;
    f.warnings = side.warnings;
    f.fixes = side.fixes;
    return f;
}

}  // namespace

CrosswalkBuildResult run(const CrosswalkBuildRequest& given, const ProgressRange& progress, const WarningFn& warn) {
    Stopwatch watch;
    CrosswalkBuildResult result;
    CrosswalkBuildRequest args = given;
    args.from.encoding = args.to.encoding = args.text.encoding;
    const unsigned threads = effective_threads(args.threads);
    result.threads = threads;
    const std::vector<std::string> inputs{args.from.input().path, args.to.input().path,
                                          io::InputSpec::parse(args.weights, args.weights_layer).path};
    // The crosswalk's format first (UsageError naming the choices), then the pieces'.
    (void)io::table_format("--output", args.output.path, args.output.format);
    if (!args.gpkg.empty() && io::extension_of(args.gpkg) != "gpkg") throw UsageError("--gpkg must name a .gpkg file");
    io::OutputPlan outputs(args.overwrite, inputs);
    const BuildOutputs planned = plan_build_outputs(args, outputs);
    if (args.from_name.empty() != args.to_name.empty()) throw UsageError("--from-name and --to-name go together: name both");
    if (!args.from_name.empty() && args.changes.path.empty())
        throw UsageError("--from-name/--to-name serve the typed changes: add --changes");

    // Points weights are opened first: their header and CRS problems are
    // cheaper to find than a full region check.
    WeightPoints points = open_weight_points(args);

    // The two vintages are read and checked side by side (much of it is
    // sequential per vintage), unchanged units once.
    // Without weight points to locate, the overlay is all that uses the
    // second vintage's locator: it need only cover the units near changes.
    progress(0.0, "reading the vintages");
    auto [from, to, partners, from_overlapping, to_overlapping] = regions::load_checked_vintages(
        args.from, args.to, threads, warn, points.source ? regions::LocatorScope::All : regions::LocatorScope::NearChanges);
    // Areas are measured in one projected CRS: the first vintage's, or --work-crs.
    io::Crs work = args.work_crs.empty() ? io::Crs::from_wkt(from.regions.crs_wkt) : io::Crs::from_user(args.work_crs, "--work-crs");
    if (work.is_geographic())
        throw CrsError("the regions are in " + work.name + " (degrees): areas need a projected, equal-area CRS",
                       Where{from.regions.file, from.regions.layer}, "pass --work-crs, e.g. EPSG:3035 for Europe");
    bool transformed = false;
    for (regions::CheckedRegions* side : {&from, &to}) {
        const io::Crs crs = io::Crs::from_wkt(side->regions.crs_wkt);
        if (!crs.same_as(work)) {
            io::transform_regions(side->regions, crs, work);
            transformed = true;
        }
    }
    result.timings.regions = watch.lap();
    progress(0.3, "overlaying");
    // The checks' point locators serve the overlay too, unless shapes moved.
    const OverlappingUnits overlapping{from_overlapping, to_overlapping};
    OverlayResult overlay = transformed ? harmonise::overlay(from.regions, to.regions, threads, nullptr, nullptr, nullptr, &overlapping)
                                        : harmonise::overlay(from.regions, to.regions, threads, &from.locator, &to.locator,
                                                             &partners, &overlapping);
    result.timings.overlay = watch.lap();
    progress(0.5, "weighting the pieces");
    std::vector<double> weights =
        weigh_pieces(args, points, overlay, from, to, work, transformed, threads, result);
    result.timings.weights = watch.lap();

    // Boundary noise (issue #19): thin pieces and pieces across unchanged
    // parents go back to the unit that holds the rest of their source.
    progress(0.7, "boundary noise");
    result.noise_setup = noise_setup(args, from.regions, to.regions);
    const NoiseSetup& noise_options = result.noise_setup;
    result.advice = generalisation_advice(from.regions, to.regions, overlay, noise_options.options.tolerance_m);
    if (noise_options.active())
        result.noise = resolve_boundary_noise(overlay, weights.empty() ? nullptr : &weights, from.regions, to.regions,
                                              noise_options.options, threads);
    result.timings.noise = watch.lap();

    CrosswalkOptions options;
    options.min_share = args.min_share;
    options.min_area = args.min_area;
    result.built = build_crosswalk(overlay, from.regions.ids, to.regions.ids, weights.empty() ? nullptr : &weights, options);
    Crosswalk& crosswalk = result.built.crosswalk;
    // How sure each row is (issue #19): measured only with a tolerance.
    const double tolerance = noise_options.options.tolerance_m;
    if (tolerance > 0)
        result.band_weight = measure_near_boundary(crosswalk, overlay, result.noise, from.regions, to.regions, tolerance, weights,
                                                   points.source ? std::string() : args.weights, threads);
    result.timings.near_boundary = watch.lap();
    progress(0.9, "writing");
    write_crosswalk_output(crosswalk, from.regions, to.regions, *planned.crosswalk, threads);
    if (planned.changes) {
        std::vector<std::string> from_names, to_names;
        if (!args.from_name.empty()) {
            from_names = unit_names(args.from, args.from_name, from.regions);
            to_names = unit_names(args.to, args.to_name, to.regions);
        }
        const bool named = !args.from_name.empty();
        result.changes = classify_changes(crosswalk, from.regions.ids, to.regions.ids, named ? &from_names : nullptr,
                                          named ? &to_names : nullptr, {});
        write_changes_output(result.changes, from.regions, to.regions, *planned.changes);
    }
    if (planned.pieces) write_pieces(crosswalk, from.regions, to.regions, *planned.pieces, threads);
    result.timings.write = watch.lap();

    result.from = figures_of(from, args.from, overlay.from_area);
    result.to = figures_of(to, args.to, overlay.to_area);
    result.pieces = overlay.pairs.size();
    for (const auto& s : result.built.slivers) {
        result.sliver_area += s.area_m2;
        result.sliver_weight += s.weight;
    }
    for (double w : weights) result.weight_total += w;
    result.weighted = !weights.empty();
    result.weights_source = args.weights;
    result.weights_field = args.weights_field;
    for (const io::PlannedOutput* table : {planned.crosswalk, planned.changes})
        if (table && table->format() && *table->format() != io::TableFormat::Csv)
            result.outputs.push_back(report::WrittenTable::of(*table));
    // The report belongs to the set: written before the commit, with the rest.
    if (planned.report) io::write_output_text(*planned.report, io::redact_secrets(result.to_json().dump(2)) + '\n');
    outputs.commit();
    progress(1.0, "done");
    return result;
}

}  // namespace regio::harmonise
