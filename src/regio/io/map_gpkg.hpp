#pragma once
// The GeoPackage beside a map: regions with their value, `class` (1..K,
// NULL for no data) and `fill` (#RRGGBB), and a layer_styles table (QGIS's
// convention) holding the QML and SLD so QGIS opens it styled.
#include "regio/geometry/region_set.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/table_layer.hpp"

#include <string>
#include <utility>
#include <vector>

namespace regio::io {

struct MapLayer {
    std::string name;         // layer name
    std::string value_field;  // name of the value column
    std::vector<double> values;   // NaN = no data
    std::vector<int> classes;     // 1..K, 0 = no data
    std::vector<std::string> fills;
    std::string qml;
    std::string sld;
    // Written after `fill` (issue #18 item 8: a layer useful in QGIS): the
    // regions' names and the data's counts; NaN = NULL.
    std::vector<std::pair<std::string, std::vector<std::string>>> text_fields;
    std::vector<std::pair<std::string, std::vector<double>>> number_fields;
};

void write_map_gpkg(const std::string& path, const geometry::RegionSet& regions, const MapLayer& layer, Overwrite overwrite,
                    const std::vector<std::string>& inputs);
// The map layer's fields (<id>, <value>, class, fill) and features; shared by
// the GeoPackage and the database route.
void create_map_fields(OGRLayer& out, const geometry::RegionSet& regions, const MapLayer& layer, const LastError& last_error,
                       const Where& where);
void write_map_features(OGRLayer& out, const geometry::RegionSet& regions, const MapLayer& layer, const LastError& last_error,
                        const Where& where);

// Into a PostGIS table (regio map --gpkg PG:... --gpkg-layer NAME, issue
// #16): the one layer and its row of the database's layer_styles table
// (QGIS's schema for PostgreSQL, created when missing; an earlier row of the
// same table replaced), in the table's transaction (see DatabaseTable).
void write_map_database(const PlannedOutput& output, const geometry::RegionSet& regions, const std::vector<MapLayer>& layers);

// Several layers of the same regions (e.g. one per panel of small
// multiples), each with its own default style; names must be distinct.
// Written to the temporary file of a planned output (see OutputPlan), or
// into its database table (write_map_database).
void write_map_gpkg(const PlannedOutput& output, const geometry::RegionSet& regions, const std::vector<MapLayer>& layers);
void write_map_gpkg(const std::string& path, const geometry::RegionSet& regions, const std::vector<MapLayer>& layers,
                    Overwrite overwrite, const std::vector<std::string>& inputs);

}  // namespace regio::io
