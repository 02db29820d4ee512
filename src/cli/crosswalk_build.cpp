// regio crosswalk build: overlay two vintages, weights, slivers, changes.
#include "crosswalk_build.hpp"
#include "crosswalk_noise.hpp"
#include "crosswalk_uncertainty.hpp"

#include "regio/aggregate/landing_check.hpp"
#include "regio/error.hpp"
#include "regio/geometry/intersection.hpp"
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/generalisation_advice.hpp"
#include "regio/harmonise/noise_report.hpp"
#include "regio/harmonise/overlay.hpp"
#include "regio/harmonise/pair_weights.hpp"
#include "regio/harmonise/crosswalk_files.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/point_source.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/io/table_writer.hpp"
#include "region_options.hpp"
#include "report_file.hpp"
#include "stopwatch.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <memory>
#include <optional>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>

namespace regio::cli {
namespace {

io::Overwrite overwrite_of(const OutputOptions& o) { return o.overwrite ? io::Overwrite::Yes : io::Overwrite::No; }

std::vector<double> grid_pair_weights(io::GridSource& grid, const std::string& spec, const geometry::RegionSet& from,
                                      const harmonise::OverlayResult& overlay, unsigned threads) {
    const io::Crs regions_crs = io::Crs::from_wkt(from.crs_wkt);
    if (!regions_crs.same_as(grid.crs()))
        throw CrsError("the weights grid is in " + grid.crs().name + " but the regions are in " + regions_crs.name,
                       Where{spec}, "pass --work-crs with the grid's CRS so that both vintages are overlaid in it");
    return harmonise::pair_weights_from_grid(grid, overlay, threads);
}

// --weights names points (a text table or any vector layer) rather than a
// raster: decided by the extension, then by whether OGR opens it.
bool weights_are_points(const io::InputSpec& input) {
    if (io::is_text_table_name(input.path)) return true;
    io::ensure_gdal();
    io::CplErrorCapture quiet;
    io::DatasetPtr ds(GDALDataset::FromHandle(GDALOpenEx(input.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    return ds && ds->GetLayerCount() > 0;
}

// The weight points' CRS: the layer's own, or --weights-crs; never a guess.
io::Crs weights_points_crs(const io::PointSource& source, const BuildArgs& args) {
    const io::Crs own = source.crs();
    if (args.weights_crs.empty()) {
        if (!own.empty()) return own;
        if (std::string(source.ref_kind()) == "line")
            throw UsageError("CSV weight points have no CRS: name it with --weights-crs", {},
                             "e.g. --weights-crs EPSG:3035 for ETRS89-LAEA metres, EPSG:4326 for longitude/latitude");
        throw CrsError("the weight points layer has no CRS", Where{source.display()}, "name it with --weights-crs");
    }
    const io::Crs given = io::Crs::from_user(args.weights_crs, "--weights-crs");
    if (!own.empty() && !own.same_as(given))
        throw CrsError("the weight points layer is in " + own.name + " but --weights-crs says " + given.name,
                       Where{source.display()}, "drop --weights-crs to use the layer's own CRS");
    return given;
}

// The kept pieces as polygons (GEOS intersections: only when asked for),
// with the crosswalk's columns.
void write_pieces(const harmonise::Crosswalk& cw, const geometry::RegionSet& from, const geometry::RegionSet& to,
                  const io::PlannedOutput& output, unsigned threads) {
    std::unordered_map<std::string, std::size_t> from_index, to_index;
    for (std::size_t i = 0; i < from.size(); ++i) from_index.emplace(from.ids[i], i);
    for (std::size_t i = 0; i < to.size(); ++i) to_index.emplace(to.ids[i], i);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<std::string> ids, from_ids, to_ids;
    for (const auto& r : cw.rows) {
        pairs.emplace_back(from_index.at(r.from_id), to_index.at(r.to_id));
        ids.push_back(std::to_string(ids.size() + 1));
        from_ids.push_back(r.from_id);
        to_ids.push_back(r.to_id);
    }
    geometry::RegionSet pieces;
    pieces.crs_wkt = from.crs_wkt;
    pieces.id_field = "piece";
    pieces.ids = ids;
    pieces.shapes = geometry::intersections(from.shapes, to.shapes, pairs, threads);
    table::RegionTable t("piece", ids);
    t.add_text_column("from_id", from_ids);
    t.add_text_column("to_id", to_ids);
    auto& area = t.add_column("area_m2", table::ColumnKind::Real);
    auto& share_from = t.add_column("area_share_from", table::ColumnKind::Real);
    auto& share_to = t.add_column("area_share_to", table::ColumnKind::Real);
    for (std::size_t k = 0; k < cw.rows.size(); ++k) {
        area.values[k] = cw.rows[k].area_m2;
        share_from.values[k] = cw.rows[k].area_share_from;
        share_to.values[k] = cw.rows[k].area_share_to;
    }
    if (cw.has_weights) {
        auto& w = t.add_column("weight", table::ColumnKind::Real);
        for (std::size_t k = 0; k < cw.rows.size(); ++k) w.values[k] = cw.rows[k].weight;
    }
    io::write_region_table(t, &pieces, output);
}

}  // namespace

// Unit names of one vintage in the order of its ids (read by id, so that the
// order of the layer does not matter).
std::vector<std::string> unit_names(const RegionOptions& side, const std::string& field, const geometry::RegionSet& regions) {
    const io::InputSpec input = side.input();
    auto columns = io::read_text_fields(input, {side.id, field});
    const std::vector<std::string> ids = columns[side.id];
    const std::vector<std::string> names = columns[field];
    std::unordered_map<std::string, std::string> by_id;
    for (std::size_t i = 0; i < ids.size() && i < names.size(); ++i) by_id.emplace(ids[i], names[i]);
    std::vector<std::string> out;
    out.reserve(regions.size());
    for (const auto& id : regions.ids) {
        const auto it = by_id.find(id);
        out.push_back(it == by_id.end() ? std::string() : it->second);
    }
    return out;
}

int run_crosswalk_build(const BuildArgs& given) {
    Stopwatch watch;
    BuildArgs args = given;
    const io::TextOptions text = args.text.options();
    args.from.encoding = args.to.encoding = text.encoding;
    const unsigned threads = effective_threads(args.out.threads);
    const std::vector<std::string> inputs{args.from.input().path, args.to.input().path,
                                          io::InputSpec::parse(args.weights, args.weights_layer).path};
    if (io::extension_of(args.out.output) != "csv") throw UsageError("the crosswalk is written as CSV: name it .csv");
    if (!args.gpkg.empty() && io::extension_of(args.gpkg) != "gpkg") throw UsageError("--gpkg must name a .gpkg file");
    io::OutputPlan outputs(overwrite_of(args.out), inputs);
    const io::PlannedOutput& crosswalk_output = outputs.add("--output", args.out.output, io::StdoutUse::Csv);
    const io::PlannedOutput* changes_output = outputs.add_optional("--changes", args.changes);
    const io::PlannedOutput* pieces_output = outputs.add_optional("--gpkg", args.gpkg);
    const io::PlannedOutput* report_output = outputs.add_optional("--report", args.out.report);
    if (args.from_name.empty() != args.to_name.empty()) throw UsageError("--from-name and --to-name go together: name both");
    if (!args.from_name.empty() && args.changes.empty())
        throw UsageError("--from-name/--to-name serve the typed changes: add --changes");

    // Points weights are opened first: their header and CRS problems are
    // cheaper to find than a full region check.
    const io::InputSpec weights_input = io::InputSpec::parse(args.weights, args.weights_layer);
    const bool point_weights = !args.weights.empty() && weights_are_points(weights_input);
    const bool point_options = !args.weights_x.empty() || !args.weights_y.empty() || !args.weights_crs.empty() ||
                               !args.weights_field.empty() || !args.weights_layer.empty();
    if (point_options && !point_weights)
        throw UsageError("--weights-x, --weights-y, --weights-crs, --weights-field and --weights-layer apply to --weights "
                         "points (a CSV or a vector layer)");
    std::unique_ptr<io::PointSource> points;
    io::Crs points_crs;
    if (point_weights) {
        const io::PointFields fields{args.weights_x, args.weights_y,
                                     args.weights_field.empty() ? std::vector<std::string>{} : std::vector<std::string>{args.weights_field},
                                     {}, text};
        points = io::open_point_source(weights_input, fields);
        points_crs = weights_points_crs(*points, args);
    }


    // The two vintages are read and checked side by side (much of it is
    // sequential per vintage), unchanged units once.
    // Without weight points to locate, the overlay is all that uses the
    // second vintage's locator: it need only cover the units near changes.
    auto [from, to, partners, from_overlapping, to_overlapping] = load_checked_vintages(args.from, args.to, threads, args.out.quiet,
                                            point_weights ? LocatorScope::All : LocatorScope::NearChanges);
    // Areas are measured in one projected CRS: the first vintage's, or --work-crs.
    io::Crs work = args.work_crs.empty() ? io::Crs::from_wkt(from.regions.crs_wkt) : io::Crs::from_user(args.work_crs, "--work-crs");
    if (work.is_geographic())
        throw CrsError("the regions are in " + work.name + " (degrees): areas need a projected, equal-area CRS",
                       Where{from.regions.file, from.regions.layer}, "pass --work-crs, e.g. EPSG:3035 for Europe");
    bool transformed = false;
    for (CheckedRegions* side : {&from, &to}) {
        const io::Crs crs = io::Crs::from_wkt(side->regions.crs_wkt);
        if (!crs.same_as(work)) {
            io::transform_regions(side->regions, crs, work);
            transformed = true;
        }
    }
    const double t_regions = watch.lap();
    // The checks' point locators serve the overlay too, unless shapes moved.
    const harmonise::OverlappingUnits overlapping{from_overlapping, to_overlapping};
    harmonise::OverlayResult overlay =
        transformed ? harmonise::overlay(from.regions, to.regions, threads, nullptr, nullptr, nullptr, &overlapping)
                    : harmonise::overlay(from.regions, to.regions, threads, &from.locator, &to.locator, &partners, &overlapping);
    const double t_overlay = watch.lap();
    std::vector<double> weights;
    std::optional<harmonise::PointPairWeights> point_result;
    if (points) {
        // The checks' locators are stale when the shapes were transformed.
        std::optional<geometry::PointLocator> from_moved, to_moved;
        if (transformed) {
            from_moved.emplace(from.regions);
            to_moved.emplace(to.regions);
        }
        std::optional<io::PointTransformer> transformer;
        if (!points_crs.same_as(work)) transformer.emplace(points_crs, work);
        const io::CrsDomain points_domain(points_crs);
        point_result = harmonise::pair_weights_from_points(*points, overlay, from_moved ? *from_moved : from.locator,
                                                           to_moved ? *to_moved : to.locator, transformer ? &*transformer : nullptr,
                                                           &points_domain);
        if (point_result->read != point_result->in_pieces + point_result->outside_count + point_result->invalid)
            throw Error("internal error: weight points are not conserved (read != in pieces + outside + invalid)");
        // No weight point in any piece is a wrong CRS, not a crosswalk without
        // weights (points outside some pieces have their own warning below).
        aggregate::check_landing({"weight points", points->display(), points_crs.name, work.name,
                                  static_cast<double>(point_result->in_pieces + point_result->outside_count),
                                  static_cast<double>(point_result->in_pieces), aggregate::OutsideShare::Expected});
        weights = point_result->weights;
    } else if (!args.weights.empty()) {
        // Opened here, on this thread: its CRS (PROJ, set up per thread) costs
        // less where PROJ already is, and its errors come after the vintages'.
        const std::unique_ptr<io::GridSource> grid = io::open_raster_grid(args.weights);
        weights = grid_pair_weights(*grid, args.weights, from.regions, overlay, threads);
    }
    const double t_weights = watch.lap();

    // Boundary noise (issue #19): thin pieces and pieces across unchanged
    // parents go back to the unit that holds the rest of their source.
    const NoiseSetup noise_options = noise_setup(args, from.regions, to.regions);
    const std::optional<std::string> advice =
        harmonise::generalisation_advice(from.regions, to.regions, overlay, noise_options.options.tolerance_m);
    harmonise::NoiseResult noise;
    if (noise_options.active())
        noise = harmonise::resolve_boundary_noise(overlay, weights.empty() ? nullptr : &weights, from.regions, to.regions,
                                                  noise_options.options, threads);
    const double t_noise = watch.lap();

    harmonise::CrosswalkOptions options;
    options.min_share = args.min_share;
    options.min_area = args.min_area;
    harmonise::BuildResult built =
        harmonise::build_crosswalk(overlay, from.regions.ids, to.regions.ids, weights.empty() ? nullptr : &weights, options);
    // How sure each row is (issue #19): measured only with a tolerance.
    const double tolerance = noise_options.options.tolerance_m;
    harmonise::BandWeight band_weight = harmonise::BandWeight::Measured;
    if (tolerance > 0)
        band_weight = measure_near_boundary(built.crosswalk, overlay, noise, from.regions, to.regions, tolerance, weights,
                                            points ? std::string() : args.weights, threads);
    const double t_near = watch.lap();
    harmonise::write_crosswalk(built.crosswalk, crosswalk_output);
    std::vector<harmonise::Change> changes;
    if (!args.changes.empty()) {
        std::vector<std::string> from_names, to_names;
        if (!args.from_name.empty()) {
            from_names = unit_names(args.from, args.from_name, from.regions);
            to_names = unit_names(args.to, args.to_name, to.regions);
        }
        const bool named = !args.from_name.empty();
        changes = harmonise::classify_changes(built.crosswalk, from.regions.ids, to.regions.ids, named ? &from_names : nullptr,
                                              named ? &to_names : nullptr, {});
        harmonise::write_changes(changes, *changes_output);
    }
    if (pieces_output) write_pieces(built.crosswalk, from.regions, to.regions, *pieces_output, threads);
    const double t_write = watch.lap();

    double from_total = 0, to_total = 0, sliver_area = 0, sliver_weight = 0, weight_total = 0;
    for (double a : overlay.from_area) from_total += a;
    for (double a : overlay.to_area) to_total += a;
    for (const auto& s : built.slivers) {
        sliver_area += s.area_m2;
        sliver_weight += s.weight;
    }
    for (double w : weights) weight_total += w;
    if (report_output) {
        nlohmann::ordered_json j;
        j["command"] = "crosswalk build";
        j["from"] = {{"source", args.from.input().display()}, {"units", from.regions.size()},
                     {"area_m2", from_total}, {"warnings", from.warnings}};
        j["to"] = {{"source", args.to.input().display()}, {"units", to.regions.size()},
                   {"area_m2", to_total}, {"warnings", to.warnings}};
        add_region_fixes(j, from.fixes, "from_region_fixes");
        add_region_fixes(j, to.fixes, "to_region_fixes");
        j["pieces"] = overlay.pairs.size();
        j["rows"] = built.crosswalk.rows.size();
        nlohmann::ordered_json slivers = nlohmann::ordered_json::array();
        for (const auto& s : built.slivers)
            slivers.push_back({{"from_id", s.from_id}, {"to_id", s.to_id}, {"area_m2", s.area_m2}, {"weight", s.weight}});
        j["slivers"] = slivers;
        if (noise_options.active())
            j["boundary_noise"] = harmonise::to_json(noise, from.regions.ids, to.regions.ids, noise_options.options.tolerance_m,
                                                     noise_options.tolerance_source, noise_options.parents);
        if (advice) j["advice"] = *advice;
        if (built.crosswalk.has_near_boundary) j["near_boundary"] = near_boundary_json(built.crosswalk, tolerance, band_weight);
        j["unmatched_from"] = built.unmatched_from;
        j["unmatched_to"] = built.unmatched_to;
        if (!weights.empty()) j["weights"] = {{"source", args.weights}, {"total_in_pieces", weight_total}, {"in_slivers", sliver_weight}};
        if (point_result) {
            auto& w = j["weights"];
            w["kind"] = "points";
            w["field"] = args.weights_field.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(args.weights_field);
            w["points_read"] = point_result->read;
            w["points_in_pieces"] = point_result->in_pieces;
            w["points_outside"] = point_result->outside_count;
            w["points_invalid"] = point_result->invalid;
            w["outside"] = point_result->outside;
            nlohmann::ordered_json examples = nlohmann::ordered_json::array();
            for (const auto& e : point_result->invalid_examples)
                examples.push_back({{points->ref_kind(), e.ref}, {"why", e.why}});
            w["invalid_examples"] = examples;
        } else if (!weights.empty()) {
            j["weights"]["kind"] = "raster";
        }
        if (!changes.empty()) {
            std::map<std::string, int> counts;
            for (const auto& c : changes) ++counts[std::string(c.side) + ":" + harmonise::change_name(c.type)];
            j["changes"] = counts;
        }
        j["timings"] = {{"regions_s", t_regions}, {"overlay_s", t_overlay}, {"weights_s", t_weights}, {"write_s", t_write}};
        if (noise_options.active()) j["timings"]["noise_s"] = t_noise;
        if (built.crosswalk.has_near_boundary) j["timings"]["near_boundary_s"] = t_near;
        write_report(*report_output, j);
    }
    outputs.commit();
    if (!args.out.quiet) {
        std::cerr << fmt::format("crosswalk: {} x {} units -> {} pieces, {} rows kept, {} slivers ({:.6g} m2) dropped\n",
                                 from.regions.size(), to.regions.size(), overlay.pairs.size(), built.crosswalk.rows.size(),
                                 built.slivers.size(), sliver_area);
        std::cerr << fmt::format("area: from {:.10g} m2, to {:.10g} m2\n", from_total, to_total);
        if (noise_options.active()) {
            const harmonise::NoiseSummary n = harmonise::summarise(noise);
            const double d = noise_options.options.tolerance_m;
            std::string rule = d > 0 ? fmt::format("tolerance {:g} m", d) : std::string("no tolerance");
            if (d > 0 && noise_options.tolerance_source != "option") rule += ", " + noise_options.tolerance_source;
            if (!noise_options.parents.empty()) rule += ", within " + noise_options.parents;
            std::cerr << fmt::format("boundary noise: {} pieces ({:.6g} m2, weight {:.6g}) given to their source's main target ({})\n",
                                     n.pieces, n.area_m2, n.weight, rule);
        }
        if (built.crosswalk.has_near_boundary) std::cerr << near_boundary_build_line(built.crosswalk, tolerance) << '\n';
        if (!weights.empty()) std::cerr << fmt::format("weights: {:.10g} in pieces, {:.6g} in slivers\n", weight_total, sliver_weight);
        if (point_result) {
            std::cerr << fmt::format("weight points: {} read = {} in pieces + {} outside all pieces + {} invalid\n", point_result->read,
                                     point_result->in_pieces, point_result->outside_count, point_result->invalid);
            if (point_result->outside_count > 0)
                std::cerr << fmt::format("regio: warning: {} weight points ({:.10g}) are outside all pieces (not in both vintages)\n",
                                         point_result->outside_count, point_result->outside);
            for (const auto& e : point_result->invalid_examples)
                std::cerr << fmt::format("regio: warning: {} {} {}: {}\n", points->display(), points->ref_kind(), e.ref, e.why);
            if (point_result->invalid > static_cast<std::int64_t>(point_result->invalid_examples.size()))
                std::cerr << fmt::format("regio: warning: ... and {} more invalid weight points\n",
                                         point_result->invalid - static_cast<std::int64_t>(point_result->invalid_examples.size()));
        }
        if (advice) std::cerr << "regio: warning: " << *advice << "\n";
        if (!built.unmatched_from.empty())
            std::cerr << fmt::format("{} source units have no counterpart (discontinued without successor)\n", built.unmatched_from.size());
        if (!built.unmatched_to.empty())
            std::cerr << fmt::format("{} target units have no counterpart (new territory)\n", built.unmatched_to.size());
        std::cerr << fmt::format("time: {:.2f} s, regions {:.2f} s, overlay {:.2f} s, weights {:.2f} s, write {:.2f} s ({} threads)\n",
                                 t_regions + t_overlay + t_weights + t_noise + t_near + t_write, t_regions, t_overlay, t_weights, t_write, threads);
    }
    return 0;
}

}  // namespace regio::cli
