#include "regio/io/table_writer.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/gpkg_file.hpp"
#include "regio/io/ogr_geometry.hpp"
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
    OGRLayer* layer = &gpkg.layer();
    OGRFieldDefn id_field(table.id_name().c_str(), OFTString);
    layer->CreateField(&id_field);
    for (const auto& [name, values] : table.text_columns()) {
        OGRFieldDefn field(name.c_str(), OFTString);
        layer->CreateField(&field);
    }
    const int first_numeric = 1 + static_cast<int>(table.text_columns().size());
    for (const auto& c : table.columns()) {
        OGRFieldDefn field(c.name.c_str(), c.kind == table::ColumnKind::Integer ? OFTInteger64 : OFTReal);
        if (layer->CreateField(&field) != OGRERR_NONE)
            throw IoError("cannot create field: " + gpkg.last_error(), Where{shown, layer_name, {}, {}, c.name});
    }
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction", Where{shown});
    for (std::size_t r = 0; r < table.rows(); ++r) {
        FeaturePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField(0, table.ids()[r].c_str());
        for (std::size_t k = 0; k < table.text_columns().size(); ++k)
            feature->SetField(static_cast<int>(k + 1), table.text_columns()[k].second[r].c_str());
        for (std::size_t k = 0; k < table.columns().size(); ++k) {
            const auto& c = table.columns()[k];
            const int index = first_numeric + static_cast<int>(k);
            if (c.status[r] != table::CellStatus::Ok) feature->SetFieldNull(index);
            else if (c.kind == table::ColumnKind::Integer) feature->SetField(index, static_cast<GIntBig>(c.values[r]));
            else feature->SetField(index, c.values[r]);
        }
        if (!regions.shapes[r].empty()) feature->SetGeometryDirectly(to_ogr(regions.shapes[r]).release());
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE)
            throw IoError("cannot write a feature: " + gpkg.last_error(), Where{shown, layer_name});
    }
    if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + gpkg.last_error(), Where{shown});
    if (!gpkg.last_error("").empty()) throw IoError("write failed: " + gpkg.last_error(), Where{shown});
    gpkg.close();  // before the rename
}

}  // namespace

void check_table_format(const std::string& option, const std::string& path) {
    const std::string ext = extension_of(path);
    if (ext != "csv" && ext != "gpkg")
        throw UsageError((option == "-o" || option == "--output" ? "output" : option) + " " + path + ": unknown format '" + ext + "'",
                         {}, "use a .csv or .gpkg name");
}

void check_table_output(const TableOutput& output) {
    check_table_format("output", output.path);
    OutputFile probe(output.path, output.overwrite, output.inputs);  // checks only; writes nothing
}

void write_region_table(const table::RegionTable& table, const geometry::RegionSet* regions, const PlannedOutput& output) {
    check_table_format(output.option(), output.final_path().string());
    if (extension_of(output.final_path()) == "csv") {
        write_output_stream(output, [&table](std::ostream& out) { table::write_csv(out, table); });
    } else {
        if (!regions) throw UsageError("GeoPackage output needs region geometry");
        write_gpkg_file(table, *regions, output.temp_path(), output.final_path().stem().string(), output.shown());
    }
}

void write_region_table(const table::RegionTable& table, const geometry::RegionSet* regions, const TableOutput& output) {
    check_table_format("output", output.path);
    OutputPlan plan(output.overwrite, output.inputs);
    write_region_table(table, regions, plan.add("output", output.path));
    plan.commit();
}

}  // namespace regio::io
