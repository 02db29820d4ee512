#include "regio/io/table_layer.hpp"

#include "regio/error.hpp"
#include "regio/interrupt/live_temporaries.hpp"
#include "regio/io/database_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/ogr_geometry.hpp"
#include "regio/io/write_failure.hpp"
#include "regio/table/csv_text.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace regio::io {

void create_table_fields(OGRLayer& layer, const table::RegionTable& table, const LastError& last_error, const Where& where,
                         RealValues reals) {
    OGRFieldDefn id_field(table.id_name().c_str(), OFTString);
    layer.CreateField(&id_field);
    for (const auto& [name, values] : table.text_columns()) {
        OGRFieldDefn field(name.c_str(), OFTString);
        layer.CreateField(&field);
    }
    for (const auto& c : table.columns()) {
        const bool integer = c.kind == table::ColumnKind::Integer;
        OGRFieldDefn field(c.name.c_str(), integer ? OFTInteger64 : reals == RealValues::ExactText ? OFTString : OFTReal);
        if (layer.CreateField(&field) != OGRERR_NONE) {
            Where w = where;
            w.field = c.name;
            throw IoError("cannot create field: " + last_error(), w);
        }
    }
}

void write_table_features(OGRLayer& layer, const table::RegionTable& table, const geometry::RegionSet* regions,
                          const LastError& last_error, const Where& where, RealValues reals) {
    const int first_numeric = 1 + static_cast<int>(table.text_columns().size());
    for (std::size_t r = 0; r < table.rows(); ++r) {
        FeaturePtr feature(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        feature->SetField(0, table.ids()[r].c_str());
        for (std::size_t k = 0; k < table.text_columns().size(); ++k)
            feature->SetField(static_cast<int>(k + 1), table.text_columns()[k].second[r].c_str());
        for (std::size_t k = 0; k < table.columns().size(); ++k) {
            const auto& c = table.columns()[k];
            const int index = first_numeric + static_cast<int>(k);
            if (c.status[r] != table::CellStatus::Ok) feature->SetFieldNull(index);
            else if (c.kind == table::ColumnKind::Integer) feature->SetField(index, static_cast<GIntBig>(c.values[r]));
            else if (reals == RealValues::ExactText) feature->SetField(index, table::format_number(c.values[r], c.kind).c_str());
            else feature->SetField(index, c.values[r]);
        }
        if (regions && !regions->shapes[r].empty()) feature->SetGeometryDirectly(to_ogr(regions->shapes[r]).release());
        if (layer.CreateFeature(feature.get()) != OGRERR_NONE) throw IoError("cannot write a feature: " + last_error(), where);
    }
}

void write_ogr_table_file(const table::RegionTable& table, const geometry::RegionSet* regions, const PlannedOutput& output) {
    ensure_gdal();
    const std::string shown = output.shown();
    const std::string layer_name = output.layer().empty() ? output.final_path().stem().string() : output.layer();
    const Where where{shown, layer_name};
    CplErrorCapture capture;
    const LastError last_error = [&] { return describe_write_failure(output.temp_path(), shown, capture.last_error()); };
    // FlatGeobuf writes the features to "<name>_temp.fgb" beside the file and
    // builds its spatial index from it on closing: an interrupt removes that too.
    const std::filesystem::path side_file =
        output.temp_path().parent_path() / (output.temp_path().stem().string() + "_temp.fgb");
    struct SideFile {
        std::filesystem::path path;
        explicit SideFile(std::filesystem::path p) : path(std::move(p)) { interrupt::LiveTemporaries::instance().add(path); }
        ~SideFile() {
            interrupt::remove_with_side_files(path);
            interrupt::LiveTemporaries::instance().forget(path);
        }
    };
    std::optional<SideFile> fgb_side;
    if (*output.format() == TableFormat::FlatGeobuf) {
        // GDAL 3.6's FlatGeobuf writer silently leaves out features without
        // geometry (GDAL issue 7401): a row would be lost while counted as
        // written. Commands refuse such tables earlier with their own advice;
        // this is the backstop for every writer.
        const char* const hint = "write .gpkg, .geojson or .parquet, which keep features without geometry";
        if (!regions) throw DataError("FlatGeobuf cannot hold a table without geometry", where, hint);
        const auto empty = std::find_if(regions->shapes.begin(), regions->shapes.end(), [](const auto& s) { return s.empty(); });
        if (empty != regions->shapes.end())
            throw DataError("FlatGeobuf cannot hold a feature without geometry, and region '" +
                                regions->ids[static_cast<std::size_t>(empty - regions->shapes.begin())] + "' has none",
                            where, hint);
        fgb_side.emplace(side_file);
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name(*output.format()));
    if (!driver) throw IoError(std::string("this GDAL has no ") + driver_name(*output.format()) + " driver", Where{shown});
    {
        // A GeoPackage records when it was written: a fixed date keeps re-runs
        // byte-identical (as GpkgFile does); the other drivers ignore it.
        const ScopedThreadConfig fixed_date{"OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z"};
        DatasetPtr ds(driver->Create(output.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw IoError("cannot create: " + last_error(), Where{shown});
        const std::string crs_wkt = regions ? regions->crs_wkt : std::string();
        OGRSpatialReference srs;
        srs.importFromWkt(crs_wkt.c_str());
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), crs_wkt.empty() ? nullptr : &srs,
                                          regions ? wkbMultiPolygon : wkbNone, nullptr);
        if (!layer) throw IoError("cannot create layer: " + last_error(), where);
        create_table_fields(*layer, table, last_error, where);
        write_table_features(*layer, table, regions, last_error, where);
    }  // closed (and flushed) before the rename
    const std::string failure = capture.last_error("");
    if (!failure.empty()) throw IoError("cannot write: " + last_error(), Where{shown});
    output.record_rows(table.rows());
}

void write_database_table(const table::RegionTable& table, const geometry::RegionSet* regions, const PlannedOutput& output) {
    DatabaseTable& db = *output.database();
    const Where where = db.where();
    CplErrorCapture capture;
    const LastError last_error = [&] { return one_line(redact_secrets(capture.last_error())); };
    OGRLayer& layer = db.create_layer(regions ? regions->crs_wkt : std::string(), regions != nullptr);
    create_table_fields(layer, table, last_error, where, RealValues::ExactText);
    write_table_features(layer, table, regions, last_error, where, RealValues::ExactText);
    const std::string failure = capture.last_error("");
    if (!failure.empty()) throw IoError("cannot write the table: " + last_error(), where);
    // The exact text of the Real columns becomes double precision, in the
    // same transaction (see RealValues).
    std::string columns;
    for (const auto& c : table.columns()) {
        if (c.kind == table::ColumnKind::Integer) continue;
        const std::string column = sql_identifier(c.name);
        columns += (columns.empty() ? " ALTER COLUMN " : ", ALTER COLUMN ") + column + " TYPE double precision USING " + column +
                   "::double precision";
    }
    if (!columns.empty()) db.execute("ALTER TABLE " + db.temp_qualified() + columns);
    output.record_rows(table.rows());
}

}  // namespace regio::io
