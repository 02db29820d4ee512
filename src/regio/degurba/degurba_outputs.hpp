#pragma once
// The files `regio degurba` writes: planned and checked before any work (no
// two share a file, none is an input), written to temporary files after the
// classification, committed together by the operation (degurba_operation).
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/degurba_operation.hpp"
#include "regio/degurba/grid_input.hpp"
#include "regio/degurba/output_tables.hpp"
#include "regio/io/output_plan.hpp"

#include <string>
#include <vector>

namespace regio::degurba {

struct DegurbaOutputs {
    const io::PlannedOutput* cells = nullptr;
    const io::PlannedOutput* clusters = nullptr;
    const io::PlannedOutput* units = nullptr;
    const io::PlannedOutput* report = nullptr;
};

// UsageError for an unknown format of -o, --clusters or --units-out, a
// database without its table (--clusters-layer, --units-out-layer) or a CSV
// with one, both tables into a database (one database output per command),
// and what io::OutputPlan::add and add_table refuse.
DegurbaOutputs plan_outputs(const DegurbaRequest& request, io::OutputPlan& plan);

// An output as the report names it: the path given, or a database table
// without its password.
std::string output_name(const io::PlannedOutput& output, const std::string& path);

// -o: a GeoTIFF of class codes (Level 1 or 2 as asked) with the options as
// metadata, or one polygon per 4-connected patch of one class (.gpkg).
void write_cell_classes(const GridInput& in, const GridClassification& classes, const Options& options,
                        const io::PlannedOutput& output);

// --clusters: one row per urban centre and cluster; every format but CSV
// with the dissolved cells (.gpkg, .fgb, .geojson, .parquet, a database
// table; issue #16).
void write_clusters(const GridInput& in, const GridClassification& classes, const io::PlannedOutput& output);

// --units-out: one row per unit, with the units' geometry in every format but CSV.
struct UnitsTable {
    const std::string& id_field;
    const geometry::RegionSet& units;  // as read (their own CRS)
    const UnitsResult& result;
    const UnitNames& names;
};
void write_units(const UnitsTable& table, Level level, const io::PlannedOutput& output);

}  // namespace regio::degurba
