#include "regio/io/map_gpkg.hpp"

#include "regio/error.hpp"
#include "regio/io/database_table.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/gpkg_file.hpp"
#include "regio/io/ogr_geometry.hpp"
#include "regio/io/table_layer.hpp"

#include <cmath>

namespace regio::io {
namespace {

void write_layer(GpkgFile& gpkg, OGRLayer* out, const std::string& path, const geometry::RegionSet& regions, const MapLayer& layer) {
    GDALDataset* ds = &gpkg.dataset();
    const LastError last_error = [&gpkg] { return gpkg.last_error(); };
    create_map_fields(*out, regions, layer, last_error, Where{path, layer.name});
    ds->StartTransaction();
    write_map_features(*out, regions, layer, last_error, Where{path});
    ds->CommitTransaction();
}

}  // namespace

void create_map_fields(OGRLayer& out, const geometry::RegionSet& regions, const MapLayer& layer, const LastError& last_error,
                       const Where& where) {
    OGRFieldDefn id_field(regions.id_field.c_str(), OFTString), value_field(layer.value_field.c_str(), OFTReal),
        class_field("class", OFTInteger), fill_field("fill", OFTString);
    for (OGRFieldDefn* f : {&id_field, &value_field, &class_field, &fill_field})
        if (out.CreateField(f) != OGRERR_NONE) throw IoError("cannot create field: " + last_error(), where);
    const auto create = [&](const std::string& name, OGRFieldType type) {
        OGRFieldDefn field(name.c_str(), type);
        if (out.CreateField(&field) != OGRERR_NONE) throw IoError("cannot create field '" + name + "': " + last_error(), where);
    };
    for (const auto& text : layer.text_fields) create(text.first, OFTString);
    for (const auto& number : layer.number_fields) create(number.first, OFTReal);
}

void write_map_features(OGRLayer& out, const geometry::RegionSet& regions, const MapLayer& layer, const LastError& last_error,
                        const Where& where) {
    // The fields in create_map_fields' order: id, value, class, fill, then
    // the text fields, then the number fields.
    const int first_text = 4, first_number = first_text + static_cast<int>(layer.text_fields.size());
    for (std::size_t r = 0; r < regions.size(); ++r) {
        FeaturePtr feature(OGRFeature::CreateFeature(out.GetLayerDefn()));
        feature->SetField(0, regions.ids[r].c_str());
        if (std::isnan(layer.values[r])) feature->SetFieldNull(1);
        else feature->SetField(1, layer.values[r]);
        if (layer.classes[r] > 0) feature->SetField(2, layer.classes[r]);
        else feature->SetFieldNull(2);
        feature->SetField(3, layer.fills[r].c_str());
        for (std::size_t k = 0; k < layer.text_fields.size(); ++k)
            feature->SetField(first_text + static_cast<int>(k), layer.text_fields[k].second[r].c_str());
        for (std::size_t k = 0; k < layer.number_fields.size(); ++k) {
            const double v = layer.number_fields[k].second[r];
            if (std::isnan(v)) feature->SetFieldNull(first_number + static_cast<int>(k));
            else feature->SetField(first_number + static_cast<int>(k), v);
        }
        if (!regions.shapes[r].empty()) feature->SetGeometryDirectly(to_ogr(regions.shapes[r]).release());
        if (out.CreateFeature(feature.get()) != OGRERR_NONE) throw IoError("cannot write a feature: " + last_error(), where);
    }
}

void write_map_gpkg(const std::string& path, const geometry::RegionSet& regions, const MapLayer& layer, Overwrite overwrite,
                    const std::vector<std::string>& inputs) {
    write_map_gpkg(path, regions, std::vector<MapLayer>{layer}, overwrite, inputs);
}

void write_map_gpkg(const std::string& path, const geometry::RegionSet& regions, const std::vector<MapLayer>& layers,
                    Overwrite overwrite, const std::vector<std::string>& inputs) {
    OutputPlan plan(overwrite, inputs);
    write_map_gpkg(plan.add("--gpkg", path), regions, layers);
    plan.commit();
}

void write_map_gpkg(const PlannedOutput& output, const geometry::RegionSet& regions, const std::vector<MapLayer>& layers) {
    if (output.database()) return write_map_database(output, regions, layers);
    ensure_gdal();
    const std::string path = output.shown();
    if (layers.empty()) throw IoError("no layer to write", Where{path});
    GpkgFile gpkg(output.temp_path(), path, layers.front().name, regions.crs_wkt);
    GDALDataset* ds = &gpkg.dataset();
    for (std::size_t i = 0; i < layers.size(); ++i)
        write_layer(gpkg, i == 0 ? &gpkg.layer() : &gpkg.add_layer(layers[i].name), path, regions, layers[i]);
    // QGIS reads its default style from layer_styles (created as QGIS does).
    const char* create =
        "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), "
        "f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), "
        "styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), "
        "update_time DATETIME)";
    ds->ExecuteSQL(create, nullptr, nullptr);
    for (const auto& layer : layers) {
        const std::string insert =
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, "
            "styleSLD, useAsDefault, description, owner, ui, update_time) VALUES ('', '', " + sql_literal(layer.name) + ", 'geom', " +
            sql_literal(layer.name) + ", " + sql_literal(layer.qml) + ", " + sql_literal(layer.sld) +
            ", 1, 'regio choropleth', '', '', '2000-01-01T00:00:00.000Z')";
        ds->ExecuteSQL(insert.c_str(), nullptr, nullptr);
    }
    const std::string failure = gpkg.last_error("");
    if (!failure.empty()) throw IoError("write failed: " + failure, Where{path});
    gpkg.close();
}

}  // namespace regio::io
