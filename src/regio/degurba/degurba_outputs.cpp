#include "regio/degurba/degurba_outputs.hpp"

#include "regio/degurba/class_patches.hpp"
#include "regio/degurba/output_tables.hpp"
#include "regio/error.hpp"
#include "regio/io/class_raster_writer.hpp"
#include "regio/io/cluster_polygons.hpp"
#include "regio/io/feature_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/table_format.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/table/csv_text.hpp"

#include <cmath>
#include <optional>

namespace regio::degurba {
namespace {

// --clusters or --units-out with its layer option (issue #16): a file by its
// extension or a database table, planned as the table writers' outputs.
// Checked here so that the messages name this command's options.
struct TableRequest {
    std::string option;  // "--clusters"
    const std::string& path;
    const std::string& layer;
};

io::TableFormat check_table_request(const TableRequest& t) {
    // Said here: table_format's hint offers --of, which degurba does not have.
    const std::string ext = io::extension_of(t.path);
    if (!t.path.starts_with("PG:") && ext != "csv" && ext != "gpkg" && ext != "fgb" && ext != "geojson" && ext != "json" &&
        ext != "parquet")
        throw UsageError(t.option + " " + t.path + ": unknown format '" + ext + "'", {},
                         "use a .csv, .gpkg, .fgb, .geojson or .parquet name, or PG:CONNECTION with " + t.option + "-layer");
    const io::TableFormat format = io::table_format(t.option, t.path, "");
    if (format == io::TableFormat::PostGis && t.layer.empty())
        throw UsageError(t.option + " " + io::redact_secrets(t.path) + ": a database output needs the table's name", {},
                         "add " + t.option + "-layer [SCHEMA.]NAME");
    if (format == io::TableFormat::Csv && !t.layer.empty())
        throw UsageError(t.option + "-layer names a table in a database or a layer of a GeoPackage, FlatGeobuf, GeoJSON "
                                    "or Parquet file, not of a CSV file");
    return format;
}

const io::PlannedOutput* plan_table(const TableRequest& t, io::OutputPlan& plan) {
    if (t.path.empty()) return nullptr;
    return &plan.add_table(t.option, {t.path, t.layer, {}});
}

// CSV and GeoPackage as they always were (byte for byte, columns in the
// documented order); every other destination through the table writers.
bool as_feature_file(const io::PlannedOutput& output) {
    const io::TableFormat format = output.format().value_or(io::TableFormat::Csv);
    return format == io::TableFormat::Csv || format == io::TableFormat::GeoPackage;
}

// A FeatureTable as the table writers' RegionTable: its first column is the
// id (an integer id as its text), the text columns follow it, then the
// numbers (NaN: missing, NULL in the destination).
table::RegionTable region_table(const io::FeatureTable& t) {
    const io::FeatureColumn& first = t.columns.front();
    std::vector<std::string> ids = first.texts;
    if (first.type != io::FieldType::Text)
        for (const double v : first.numbers) ids.push_back(table::format_number(v, table::ColumnKind::Integer));
    table::RegionTable out(first.name, std::move(ids));
    for (std::size_t k = 1; k < t.columns.size(); ++k) {
        const io::FeatureColumn& c = t.columns[k];
        if (c.type == io::FieldType::Text) {
            out.add_text_column(c.name, c.texts);
            continue;
        }
        auto& column = out.add_column(c.name, c.type == io::FieldType::Integer ? table::ColumnKind::Integer : table::ColumnKind::Real);
        for (std::size_t r = 0; r < t.rows; ++r) {
            if (std::isnan(c.numbers[r])) column.status[r] = table::CellStatus::Missing;
            else column.values[r] = c.numbers[r];
        }
    }
    return out;
}

}  // namespace

DegurbaOutputs plan_outputs(const DegurbaRequest& r, io::OutputPlan& plan) {
    const std::string ext = io::extension_of(r.output);
    if (ext != "tif" && ext != "tiff" && ext != "gpkg")
        throw UsageError("output " + r.output + ": unknown format '" + ext + "'", {},
                         "use .tif (class codes) or .gpkg (polygons per class)");
    const TableRequest clusters{"--clusters", r.clusters, r.clusters_layer};
    const TableRequest units{"--units-out", r.units_out, r.units_out_layer};
    int databases = 0;
    for (const TableRequest& t : {clusters, units}) {
        if (!t.path.empty()) databases += check_table_request(t) == io::TableFormat::PostGis ? 1 : 0;
        else if (!t.layer.empty()) throw UsageError(t.option + "-layer goes with " + t.option);
    }
    // io::OutputPlan commits one database table per command; said before
    // connecting to either.
    if (databases > 1)
        throw UsageError("--clusters and --units-out both write into a database; one database output per command", {},
                         "write one of them to a file (.csv, .gpkg, .fgb, .geojson)");
    DegurbaOutputs out;
    out.cells = &plan.add("-o", r.output);
    out.clusters = plan_table(clusters, plan);
    out.units = plan_table(units, plan);
    out.report = plan.add_optional("--report", r.report);
    return out;
}

std::string output_name(const io::PlannedOutput& output, const std::string& path) {
    return output.database() ? output.shown() : path;
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
    if (output.format() == io::TableFormat::Csv) return io::write_feature_table(table, output);
    // Every other format carries the dissolved cells.
    geometry::RegionSet shapes;
    shapes.shapes = io::polygonize_labels(classes.cluster_id, in.definition, static_cast<std::int32_t>(classes.clusters.size()));
    shapes.crs_wkt = in.crs.wkt;
    if (as_feature_file(output)) {
        table.shapes = &shapes.shapes;
        table.crs_wkt = in.crs.wkt;
        return io::write_feature_table(table, output);
    }
    const table::RegionTable rows = region_table(table);
    shapes.ids = rows.ids();
    shapes.id_field = rows.id_name();
    io::write_region_table(rows, &shapes, output);
}

void write_units(const UnitsTable& t, Level level, const io::PlannedOutput& output) {
    io::FeatureTable table = unit_table(t.id_field, t.units.ids, t.result, level, t.names);
    table.shapes = &t.units.shapes;
    table.crs_wkt = t.units.crs_wkt;
    if (as_feature_file(output)) return io::write_feature_table(table, output);
    io::write_region_table(region_table(table), &t.units, output);
}

}  // namespace regio::degurba
