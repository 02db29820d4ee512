#pragma once
// Writes a RegionTable as CSV (no geometry) or with the regions' geometry as
// a GeoPackage, FlatGeobuf, GeoJSON or Parquet layer, atomically (see
// OutputFile), or into a PostGIS table in one transaction (see DatabaseTable;
// issue #16). The format: the planned output's (OutputPlan::add_table), else
// the extension.
#include "regio/geometry/region_set.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/table/region_table.hpp"

#include <string>
#include <vector>

namespace regio::io {

struct TableOutput {
    std::string path;
    Overwrite overwrite = Overwrite::No;
    std::vector<std::string> inputs;  // never overwritten
};

// UsageError unless `path` names a table format (see table_format).
void check_table_format(const std::string& option, const std::string& path);

// Writes to the temporary file of a planned output (see OutputPlan), picking
// the format by the final path's extension; regions is required for
// GeoPackage output. The plan's commit() puts it into place.
void write_region_table(const table::RegionTable& table, const geometry::RegionSet* regions, const PlannedOutput& output);

// A table without geometry (crosswalk apply; issue #16) in the format of a
// table output (OutputPlan::add_table): CSV, a GeoPackage attribute table (no
// geometry column), GeoJSON features with a null geometry, Parquet, or a
// plain database table. A planned output without a format is written as
// write_region_table would (CSV). FlatGeobuf is a UsageError: it cannot hold
// features without geometry; check_attribute_table_format refuses it before
// any work.
void check_attribute_table_format(const PlannedOutput& output);
void write_attribute_table(const table::RegionTable& table, const PlannedOutput& output);

// A command with this one output: checked, written and committed at once.
void write_region_table(const table::RegionTable& table, const geometry::RegionSet* regions, const TableOutput& output);

// Checked before any work is done, so that a run does not fail at the end.
void check_table_output(const TableOutput& output);

}  // namespace regio::io
