#include "regio/io/table_writer.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/gpkg_file.hpp"
#include "regio/io/table_layer.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/table/csv_text.hpp"

#include <filesystem>
#include <fstream>

namespace regio::io {
namespace {

void write_gpkg_file(const table::RegionTable& table, const geometry::RegionSet& regions,
                     const std::filesystem::path& path, const std::string& layer_name, const std::string& shown) {
    GpkgFile gpkg(path, shown, layer_name, regions.crs_wkt);
    GDALDataset* ds = &gpkg.dataset();
    const LastError last_error = [&gpkg] { return gpkg.last_error(); };
    create_table_fields(gpkg.layer(), table, last_error, Where{shown, layer_name});
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction", Where{shown});
    write_table_features(gpkg.layer(), table, &regions, last_error, Where{shown, layer_name});
    if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + gpkg.last_error(), Where{shown});
    if (!gpkg.last_error("").empty()) throw IoError("write failed: " + gpkg.last_error(), Where{shown});
    gpkg.close();  // before the rename
}

}  // namespace

void check_table_format(const std::string& option, const std::string& path) { table_format(option, path, ""); }

void check_table_output(const TableOutput& output) {
    check_table_format("output", output.path);
    OutputFile probe(output.path, output.overwrite, output.inputs);  // checks only; writes nothing
}

void write_region_table(const table::RegionTable& table, const geometry::RegionSet* regions, const PlannedOutput& output) {
    // A plain add() (not add_table) plans a CSV or GeoPackage by extension;
    // standard output ("-") is always CSV.
    const TableFormat planned = output.format()       ? *output.format()
                                : output.is_stdout() ? TableFormat::Csv
                                                     : table_format(output.option(), output.final_path().string(), "");
    if (planned == TableFormat::Csv) {
        write_output_stream(output, [&table](std::ostream& out) { table::write_csv(out, table); });
        output.record_rows(table.rows());
        return;
    }
    if (planned == TableFormat::PostGis) return write_database_table(table, regions, output);
    // A table without geometry (compare's validation table) goes into a
    // GeoPackage, GeoJSON or Parquet file as a plain table; FlatGeobuf would
    // write no rows at all without geometries (GDAL 3.6), so it is refused.
    if (!regions && (planned == TableFormat::FlatGeobuf || !output.format()))
        throw UsageError((planned == TableFormat::GeoPackage ? std::string("GeoPackage") : format_key(planned)) +
                         " output needs region geometry");
    if (planned == TableFormat::GeoPackage && regions) {
        const std::string layer = output.layer().empty() ? output.final_path().stem().string() : output.layer();
        write_gpkg_file(table, *regions, output.temp_path(), layer, output.shown());
        output.record_rows(table.rows());
    } else {
        write_ogr_table_file(table, regions, output);
    }
}

void check_attribute_table_format(const PlannedOutput& output) {
    // GDAL 3.6 writes a FlatGeobuf layer without geometry that it cannot read
    // back, and drops features without geometry: rows would be lost.
    if (output.format() == TableFormat::FlatGeobuf)
        throw UsageError(output.option() + " " + output.shown() + ": FlatGeobuf holds features with geometry, and this table has none",
                         {}, "write .csv, .gpkg (an attribute table), .geojson or .parquet");
}

void write_attribute_table(const table::RegionTable& table, const PlannedOutput& output) {
    check_attribute_table_format(output);
    const bool plain = !output.format() || output.format() == TableFormat::Csv || output.format() == TableFormat::PostGis;
    if (plain) return write_region_table(table, nullptr, output);
    write_ogr_table_file(table, nullptr, output);
}

void write_region_table(const table::RegionTable& table, const geometry::RegionSet* regions, const TableOutput& output) {
    check_table_format("output", output.path);
    OutputPlan plan(output.overwrite, output.inputs);
    write_region_table(table, regions, plan.add("output", output.path));
    plan.commit();
}

}  // namespace regio::io
