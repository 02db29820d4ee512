#include "regio/degurba/degurba_outputs.hpp"

#include "regio/degurba/class_patches.hpp"
#include "regio/degurba/output_tables.hpp"
#include "regio/error.hpp"
#include "regio/io/class_raster_writer.hpp"
#include "regio/io/cluster_polygons.hpp"
#include "regio/io/feature_table.hpp"
#include "regio/io/input_spec.hpp"

#include <optional>

namespace regio::degurba {

DegurbaOutputs plan_outputs(const DegurbaRequest& r, io::OutputPlan& plan) {
    const std::string ext = io::extension_of(r.output);
    if (ext != "tif" && ext != "tiff" && ext != "gpkg")
        throw UsageError("output " + r.output + ": unknown format '" + ext + "'", {},
                         "use .tif (class codes) or .gpkg (polygons per class)");
    if (!r.clusters.empty()) io::check_feature_format(r.clusters, "--clusters");
    if (!r.units_out.empty()) io::check_feature_format(r.units_out, "--units-out");
    DegurbaOutputs out;
    out.cells = &plan.add("-o", r.output);
    out.clusters = plan.add_optional("--clusters", r.clusters);
    out.units = plan.add_optional("--units-out", r.units_out);
    out.report = plan.add_optional("--report", r.report);
    return out;
}

void write_cell_classes(const GridInput& in, const GridClassification& classes, const Options& options,
                        const io::PlannedOutput& output) {
    const std::vector<std::uint8_t>& codes = options.level == Level::Two ? classes.level2_class : classes.cell_class;
    if (io::extension_of(output.final_path().string()) == "gpkg") {
        const ClassPatches patches = label_class_patches(in.grid, codes);
        const auto shapes = io::polygonize_labels(patches.labels, in.definition, static_cast<std::int32_t>(patches.patches.size()));
        io::FeatureTable table = patch_table(patches, in.grid.cell_area_km2, options.level);
        table.shapes = &shapes;
        table.crs_wkt = in.crs.wkt;
        io::write_feature_table(table, output);
    } else {
        io::ClassRaster raster{in.definition, in.crs, codes, std::nullopt, options_metadata(options)};
        io::write_class_raster(raster, output);
    }
}

void write_clusters(const GridInput& in, const GridClassification& classes, const io::PlannedOutput& output) {
    io::FeatureTable table = cluster_table(classes);
    std::vector<geometry::MultiPolygon> shapes;
    if (io::extension_of(output.final_path().string()) == "gpkg") {
        shapes = io::polygonize_labels(classes.cluster_id, in.definition, static_cast<std::int32_t>(classes.clusters.size()));
        table.shapes = &shapes;
        table.crs_wkt = in.crs.wkt;
    }
    io::write_feature_table(table, output);
}

void write_units(const UnitsTable& t, Level level, const io::PlannedOutput& output) {
    io::FeatureTable table = unit_table(t.id_field, t.units.ids, t.result, level, t.names);
    table.shapes = &t.units.shapes;
    table.crs_wkt = t.units.crs_wkt;
    io::write_feature_table(table, output);
}

}  // namespace regio::degurba
