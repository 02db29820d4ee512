#include "regio/io/feature_table.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/gpkg_file.hpp"
#include "regio/io/ogr_geometry.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/table/csv_text.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>

namespace regio::io {
namespace {

std::string csv_field(const FeatureColumn& c, std::size_t r) {
    if (c.type == FieldType::Text) return table::csv_quote(c.texts[r]);
    const double v = c.numbers[r];
    if (std::isnan(v)) return "";
    return table::format_number(v, c.type == FieldType::Integer ? table::ColumnKind::Integer : table::ColumnKind::Real);
}

void write_csv(const FeatureTable& table, const PlannedOutput& output) {
    write_output_stream(output, [&table](std::ostream& out) {
        for (std::size_t k = 0; k < table.columns.size(); ++k)
            out << (k ? "," : "") << table::csv_quote(table.columns[k].name);
        out << '\n';
        for (std::size_t r = 0; r < table.rows; ++r) {
            for (std::size_t k = 0; k < table.columns.size(); ++k) out << (k ? "," : "") << csv_field(table.columns[k], r);
            out << '\n';
        }
    });
}

OGRFieldType ogr_type(FieldType type) {
    switch (type) {
    case FieldType::Integer: return OFTInteger64;
    case FieldType::Real: return OFTReal;
    case FieldType::Text: return OFTString;
    }
    return OFTString;
}

void write_gpkg(const FeatureTable& table, const std::filesystem::path& temp, const std::string& shown,
                const std::string& layer_option) {
    if (!table.shapes || table.shapes->size() != table.rows)
        throw std::invalid_argument("write_feature_table: a GeoPackage needs one shape per row");
    const std::string layer_name = layer_option.empty() ? std::filesystem::path(shown).stem().string() : layer_option;
    GpkgFile gpkg(temp, shown, layer_name, table.crs_wkt);
    GDALDataset* ds = &gpkg.dataset();
    OGRLayer* layer = &gpkg.layer();
    for (const auto& c : table.columns) {
        OGRFieldDefn field(c.name.c_str(), ogr_type(c.type));
        if (layer->CreateField(&field) != OGRERR_NONE)
            throw IoError("cannot create field: " + gpkg.last_error(), Where{shown, layer_name, {}, {}, c.name});
    }
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError("cannot start a transaction", Where{shown});
    for (std::size_t r = 0; r < table.rows; ++r) {
        FeaturePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (std::size_t k = 0; k < table.columns.size(); ++k) {
            const auto& c = table.columns[k];
            const auto index = static_cast<int>(k);
            if (c.type == FieldType::Text) feature->SetField(index, c.texts[r].c_str());
            else if (std::isnan(c.numbers[r])) feature->SetFieldNull(index);
            else if (c.type == FieldType::Integer) feature->SetField(index, static_cast<GIntBig>(c.numbers[r]));
            else feature->SetField(index, c.numbers[r]);
        }
        const auto& shape = (*table.shapes)[r];
        if (!shape.empty()) feature->SetGeometryDirectly(to_ogr(shape).release());
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE)
            throw IoError("cannot write a feature: " + gpkg.last_error(), Where{shown, layer_name});
    }
    if (ds->CommitTransaction() != OGRERR_NONE) throw IoError("cannot commit: " + gpkg.last_error(), Where{shown});
    gpkg.close();  // before the rename
    if (!gpkg.last_error("").empty()) throw IoError("write failed: " + gpkg.last_error(), Where{shown});
}

}  // namespace

void check_feature_format(const std::string& path, const std::string& option) {
    const std::string ext = extension_of(path);
    if (ext != "csv" && ext != "gpkg")
        throw UsageError(option + " " + path + ": unknown format '" + ext + "'", {}, "use a .csv or .gpkg name");
}

void check_feature_output(const std::string& path, const std::string& option, Overwrite overwrite,
                          const std::vector<std::string>& inputs) {
    check_feature_format(path, option);
    OutputFile probe(path, overwrite, inputs);  // checks only; writes nothing
}

void write_feature_table(const FeatureTable& table, const PlannedOutput& output) {
    for (const auto& c : table.columns)
        if ((c.type == FieldType::Text ? c.texts.size() : c.numbers.size()) != table.rows)
            throw std::invalid_argument("write_feature_table: column " + c.name + " has the wrong length");
    if (extension_of(output.final_path()) == "gpkg") write_gpkg(table, output.temp_path(), output.shown(), output.layer());
    else write_csv(table, output);
}

void write_feature_table(const FeatureTable& table, const std::string& path, Overwrite overwrite,
                         const std::vector<std::string>& inputs) {
    OutputPlan plan(overwrite, inputs);
    write_feature_table(table, plan.add("output", path));
    plan.commit();
}

}  // namespace regio::io
