#include "regio/harmonise/crosswalk_build_command.hpp"

#include "regio/harmonise/crosswalk_build_operation.hpp"
#include "regio/io/text_input_options.hpp"
#include "regio/regions/region_options.hpp"
#include "regio/report/output_options.hpp"

#include <memory>
#include <string>

namespace regio::harmonise {
namespace {

constexpr const char* kCrosswalkBuildFooter = R"(CROSSWALK.csv: from_id,to_id,area_m2,area_share_from,area_share_to
and, with --weights, weight,weight_share_from,weight_share_to. The
kept shares of each source sum to exactly 1. With a tolerance D > 0,
near_boundary_area_share (and near_boundary_weight_share with
weights) follow: the share of the row within D of a line between the
source's pieces that go to different targets, or given to it as
noise (grid weights measured in that band, point weights apportioned
by area within the piece). Without a tolerance they are left out. Weight points count
(or sum --weights-field) in the piece of both units they fall in;
read = in pieces + outside all pieces + invalid.
CHANGES.csv types: unchanged, recoded, renamed, boundary_shift
(detail minor/major), split, merged, split_merge, new, discontinued.
Both tables may go into a database (-o PG:... --output-layer NAME, or
--changes PG:... --changes-layer NAME; one database output per run)
or a .gpkg/.fgb/.geojson/.parquet layer, where each crosswalk row
carries its piece and each change its unit's polygon.

Example:
  regio crosswalk build \
    --from districts.gpkg:districts_2023 --from-id district_id \
    --to districts.gpkg:districts_2024 --to-id district_id \
    --weights pop_100m.tif -o out/crosswalk_2023_2024.csv \
    --changes out/changes_2023_2024.csv)";

// One vintage's options: --from, --from-id, --from-layer and its fixes;
// `which` is "older" or "newer".
void declare_vintage_options(options::OptionSet& options, regions::RegionSource& side, const std::string& name,
                             const std::string& which) {
    options.add("--" + name, side.regions, "The " + which + " vintage: FILE[:LAYER]")
        .value_name(options::kInputLayer)
        .required();
    options.add("--" + name + "-id", side.id, "Unit id field of the " + which + " vintage")
        .required()
        .names_columns_of(name);
    options.add("--" + name + "-layer", side.regions_layer,
                "Layer (table) of --" + name + ", when the source has several");
    regions::declare_region_fix_options(options, side, name + "-");
}

class CrosswalkBuildCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        auto& r = m_request;
        declare_vintage_options(options, r.from, "from", "older");
        declare_vintage_options(options, r.to, "to", "newer");
        options
            .add("--weights", r.weights,
                 "Weight each piece by population: a raster (exact coverage), or points (a CSV, or FILE[:LAYER] of any "
                 "OGR point layer) located in both vintages")
            .value_name(options::kInputLayer);
        options.add("--weights-layer", r.weights_layer, "Layer (table) of --weights points, when the source has several");
        options.add("--weights-x", r.weights_x, "CSV column of the weight points' x (default: x, lon, longitude or easting)")
            .names_columns_of("weights");
        options.add("--weights-y", r.weights_y, "CSV column of the weight points' y (default: y, lat, latitude or northing)")
            .names_columns_of("weights");
        options.add("--weights-crs", r.weights_crs,
                    "CRS of the weight points (EPSG:3035, WKT, PROJ string); required for CSV, checked against a layer's own");
        options.add("--weights-field", r.weights_field,
                    "Numeric field of the weight points to sum (default: count the points)")
            .names_columns_of("weights");
        options.add("--from-name", r.from_name, "Unit name field of the older vintage (with --to-name: 'renamed' changes)")
            .names_columns_of("from");
        options.add("--to-name", r.to_name, "Unit name field of the newer vintage")
            .names_columns_of("to");
        options.add("--work-crs", r.work_crs, "Projected CRS to measure areas in (default: the --from layer's)");
        options.add("--min-share", r.min_share, "Pieces below this share of both units are slivers (dropped, reported)")
            .show_default();
        options.add("--min-area", r.min_area, "Pieces below this area (CRS units²) are slivers").show_default();
        options
            .add("--boundary-tolerance", r.boundary_tolerance,
                 "Pieces thinner than this everywhere (metres) are boundary noise, given back to their source's main "
                 "target (default: 0.25 mm at the map scale a GISCO-style file name gives, e.g. 5000 for _20M_; "
                 "otherwise 0, exact)")
            .non_negative();
        options
            .add("--within-prefix", r.within_prefix,
                 "Both vintages nest in unchanged parents named by the first N characters of the ids: no piece crosses "
                 "a parent")
            .positive();
        options.add("--within", r.within, "Unchanged parents from fields: FROM_FIELD=TO_FIELD (see --within-prefix)");
        options
            .add("--changes", m_changes,
                 "Write CHANGES.csv: side,id,type,counterparts,detail (or .gpkg, .fgb, .geojson, .parquet with each "
                 "unit's polygon, or a database: PG:CONNECTION with --changes-layer)")
            .value_name(options::kOutputFile);
        options.add("--changes-layer", m_changes_layer,
                    "Table of a database --changes ([SCHEMA.]NAME, written in one transaction and renamed into place), "
                    "or the layer name in a file (default: the file's name)");
        options.add("--gpkg", r.gpkg, "Write the kept pieces as polygons: piece, from_id, to_id, area_m2, shares")
            .value_name(options::kOutputFile);
        io::declare_text_options(options, m_text);
        report::declare_output_options(options, m_out);
        report::declare_table_destination_options(options, m_out);
    }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn& warn) override {
        CrosswalkBuildRequest request = m_request;
        request.text = m_text.options();  // first: an unknown delimiter or encoding is a usage error before anything else
        request.output = report::table_destination(m_out);
        request.changes = {m_changes, m_changes_layer, {}};
        request.report = m_out.report;
        request.overwrite = m_out.overwrite_policy();
        request.threads = m_out.threads;
        return {{}, harmonise::run(request, progress, warn).summary()};
    }
    [[nodiscard]] bool quiet() const override { return m_out.quiet; }

private:
    CrosswalkBuildRequest m_request;
    std::string m_changes;        // --changes: a file, or PG:... with --changes-layer
    std::string m_changes_layer;  // --changes-layer: the table of --changes PG:..., or a layer name
    io::TextInputArgs m_text;
    report::OutputOptions m_out;
};

}  // namespace

options::CommandEntry crosswalk_build_command() {
    return options::make_entry<CrosswalkBuildCommand>(
        {"crosswalk", "build"}, "Overlay two vintages: crosswalk rows and the typed list of changes", kCrosswalkBuildFooter);
}

}  // namespace regio::harmonise
