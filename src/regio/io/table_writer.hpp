#pragma once
// Writes a RegionTable as CSV (no geometry) or as a GeoPackage layer with the
// regions' geometry, atomically (see OutputFile).
#include "regio/geometry/region_set.hpp"
#include "regio/io/output_file.hpp"
#include "regio/table/region_table.hpp"

#include <string>
#include <vector>

namespace regio::io {

struct TableOutput {
    std::string path;
    Overwrite overwrite = Overwrite::No;
    std::vector<std::string> inputs;  // never overwritten
};

// Picks the format by extension (.csv or .gpkg); throws UsageError otherwise.
// regions is required for GeoPackage output.
void write_region_table(const table::RegionTable& table, const geometry::RegionSet* regions, const TableOutput& output);

// Checked before any work is done, so that a run does not fail at the end.
void check_table_output(const TableOutput& output);

}  // namespace regio::io
