#pragma once
// A RegionTable as the fields and features of an OGR layer: the one layout
// every geometry output of a region table shares (GeoPackage, FlatGeobuf,
// GeoJSON, Parquet, a PostGIS table): <id> text, the text columns, then the
// numeric columns (Integer64 or Real; a cell that is not ok is NULL), and the
// region's geometry when there is one.
#include "regio/geometry/region_set.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/table/region_table.hpp"

#include <functional>
#include <string>

namespace regio::io {

// GDAL's message for the failure at hand (the caller knows how to explain it).
using LastError = std::function<std::string()>;

// How Real columns travel to the layer: as doubles, or as their shortest
// exact text (table::format_number) in text fields that the database turns
// into double precision at the end. GDAL 3.6's PostgreSQL driver prints
// doubles with 15 significant digits, which loses the last digits of shares
// such as 5/6; the text route keeps every bit.
enum class RealValues { Binary, ExactText };

void create_table_fields(OGRLayer& layer, const table::RegionTable& table, const LastError& last_error, const Where& where,
                         RealValues reals = RealValues::Binary);
// regions may be nullptr (a table without geometry).
void write_table_features(OGRLayer& layer, const table::RegionTable& table, const geometry::RegionSet* regions,
                          const LastError& last_error, const Where& where, RealValues reals = RealValues::Binary);

// A GeoPackage, FlatGeobuf, GeoJSON or Parquet file at the output's temporary
// path (regions nullptr: a table without geometry, not for FlatGeobuf), the
// layer named by --output-layer or the file's stem.
void write_ogr_table_file(const table::RegionTable& table, const geometry::RegionSet* regions, const PlannedOutput& output);
// Into the output's database table (see DatabaseTable), committed by the plan.
void write_database_table(const table::RegionTable& table, const geometry::RegionSet* regions, const PlannedOutput& output);

}  // namespace regio::io
