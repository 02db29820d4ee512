#pragma once
// crosswalk build's outputs: planned and checked before any work (one
// io::OutputPlan, committed together), and written in the destination's
// format (issue #16). CSV stays the documented CROSSWALK.csv / CHANGES.csv;
// a database gets the same columns as a plain table; the geometry formats
// (.gpkg, .fgb, .geojson, .parquet) add each row's polygon: the piece a ∩ b
// of a crosswalk row, the unit of a change in its own vintage.
#include "regio/geometry/region_set.hpp"
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/table/region_table.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

struct CrosswalkBuildRequest;

struct BuildOutputs {
    const io::PlannedOutput* crosswalk = nullptr;
    const io::PlannedOutput* changes = nullptr;  // nullptr: not asked for
    const io::PlannedOutput* pieces = nullptr;   // --gpkg
    const io::PlannedOutput* report = nullptr;
};

// UsageError for a format an output cannot be, a layer name for a CSV, an
// output that exists without --overwrite or is an input (see OutputPlan).
BuildOutputs plan_build_outputs(const CrosswalkBuildRequest& request, io::OutputPlan& plan);

// A planned output written as CSV: standard output, planned without a
// format (add), or planned as CSV (add_table).
bool is_csv(const io::PlannedOutput& output);
// The crosswalk's columns in the order of CROSSWALK.csv (from_id the id,
// to_id a text column), for the formats other than CSV.
table::RegionTable crosswalk_table(const Crosswalk& cw);
// The crosswalk without geometry (crosswalk chain; issue #16): CSV as
// CROSSWALK.csv, else as write_attribute_table writes a table (FlatGeobuf
// refused by io::check_attribute_table_format).
void write_crosswalk_table(const Crosswalk& cw, const io::PlannedOutput& output);

void write_crosswalk_output(const Crosswalk& cw, const geometry::RegionSet& from, const geometry::RegionSet& to,
                            const io::PlannedOutput& output, unsigned threads);
void write_changes_output(const std::vector<Change>& changes, const geometry::RegionSet& from, const geometry::RegionSet& to,
                          const io::PlannedOutput& output);
// --gpkg: the kept pieces as polygons with the crosswalk's columns (GEOS
// intersections: only when asked for).
void write_pieces(const Crosswalk& cw, const geometry::RegionSet& from, const geometry::RegionSet& to,
                  const io::PlannedOutput& output, unsigned threads);

}  // namespace regio::harmonise
