#include "regio/io/database_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/map_gpkg.hpp"

#include "regio/error.hpp"

namespace regio::io {

// QGIS's own layer_styles table for PostgreSQL (as its postgres provider
// creates it on "Save as default"), unqualified like QGIS's queries, so that
// it lands in, and is found on, the search path.
static const char* const kCreateLayerStyles =
    "CREATE TABLE IF NOT EXISTS layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar, f_table_schema varchar, "
    "f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, useasdefault boolean, "
    "description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, update_time timestamp DEFAULT CURRENT_TIMESTAMP, "
    "type varchar)";

void write_map_database(const PlannedOutput& output, const geometry::RegionSet& regions, const std::vector<MapLayer>& layers) {
    DatabaseTable& db = *output.database();
    const Where where = db.where();
    if (layers.size() != 1)
        throw UsageError("a map into a database is one table: drop --facet, or write the panels with --gpkg FILE.gpkg", where);
    const MapLayer& layer = layers.front();
    CplErrorCapture capture;
    const LastError last_error = [&capture] { return one_line(redact_secrets(capture.last_error())); };
    OGRLayer& out = db.create_layer(regions.crs_wkt, true);
    create_map_fields(out, regions, layer, last_error, where);
    write_map_features(out, regions, layer, last_error, where);
    if (!capture.last_error("").empty()) throw IoError("cannot write the table: " + last_error(), where);
    // The style row names the table by its final name: it is renamed into
    // place in the same transaction.
    db.execute(kCreateLayerStyles);
    const std::string table_match = "f_table_catalog = current_database() AND f_table_schema = " + sql_literal(db.schema()) +
                                    " AND f_table_name = " + sql_literal(db.name()) + " AND f_geometry_column = 'geom'";
    db.execute("UPDATE layer_styles SET useasdefault = false WHERE " + table_match);
    db.execute("DELETE FROM layer_styles WHERE " + table_match + " AND stylename = " + sql_literal(layer.name));
    db.execute(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, styleqml, stylesld, "
        "useasdefault, description, owner, ui, update_time) VALUES (current_database(), " +
        sql_literal(db.schema()) + ", " + sql_literal(db.name()) + ", 'geom', " + sql_literal(layer.name) + ", XMLPARSE(DOCUMENT " +
        sql_literal(layer.qml) + "), XMLPARSE(DOCUMENT " + sql_literal(layer.sld) +
        "), true, 'regio choropleth', current_user, NULL, '2000-01-01T00:00:00')");
    output.record_rows(regions.size());
}

}  // namespace regio::io
