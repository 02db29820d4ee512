#pragma once
// The formats a region table is written in (issue #16): chosen by --of or by
// the output's extension; a database destination (PG:...) is PostGIS.
#include <string>

namespace regio::io {

enum class TableFormat { Csv, GeoPackage, FlatGeobuf, GeoJson, Parquet, PostGis };

// The format of output `path` named by `option` ("--output"): --of's value
// (`requested`, case-insensitive: csv, gpkg, fgb, geojson, parquet, or the
// GDAL driver names GPKG, FlatGeobuf, GeoJSON, Parquet) when given, else a
// connection string ("PG:...") is PostGIS and a file goes by its extension.
// UsageError (exit 2) naming the choices for an unknown format or extension;
// IoError naming the missing driver when this GDAL cannot write it (Parquet
// needs GDAL built with Arrow).
TableFormat table_format(const std::string& option, const std::string& path, const std::string& requested);

// "csv", "gpkg", "fgb", "geojson", "parquet", "postgis": what reports say.
const char* format_key(TableFormat format);
// The GDAL driver that writes it ("GPKG", "FlatGeobuf", ...; "" for CSV,
// which regio writes itself).
const char* driver_name(TableFormat format);
// True for formats that hold the regions' geometry (all but CSV).
bool has_geometry(TableFormat format);

}  // namespace regio::io
