#pragma once
// The operation behind `regio compare`: estimates of counts per region (a
// crosswalked table, records counted onto the regions) against a reference
// table of the same regions, and optionally the exact check on unchanged
// parent units (validation.hpp). Writes the validation table (one row per
// estimate and column; CSV, a GeoPackage, GeoJSON or Parquet table, or a
// database table: issue #16) and the JSON report (--report), and returns the
// figures and one summary line. A failed exact check is a DataError (exit 1)
// after the table is written, so the failure can be inspected (the report is
// not written then).
#include "regio/compare/validation.hpp"
#include "regio/io/output_file.hpp"
#include "regio/progress.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::compare {

struct Estimate {
    std::string name;    // e.g. "crosswalk", "records"
    std::string path;    // CSV with the id column and the estimate columns
    std::string suffix;  // estimate column = reference column + suffix (e.g. "_sum" from aggregate points)
};

struct CompareRequest {
    std::string reference;             // CSV of the reference counts
    std::string id;                    // id column of every table
    std::vector<std::string> columns;  // reference columns to compare
    std::vector<Estimate> estimates;
    std::string parents;               // optional CSV of the parents' reference counts (same id column name)
    std::size_t parent_digits = 0;     // a region's parent: the first N characters of its id
    double tolerance = 1e-9;           // relative tolerance of the exact parent check
    std::string output;                // the validation table: .csv, .gpkg, .geojson, .parquet, or PG:... (a database)
    std::string output_layer;          // the database table ([SCHEMA.]NAME) or the file's layer name ("": the file's stem)
    std::string output_format;         // csv, gpkg, geojson, parquet ("": by the extension)
    std::string report;                // the JSON report ("": none), planned and committed with the table
    io::Overwrite overwrite = io::Overwrite::No;
};

// The validation table as written, for the report and a pipeline's manifest.
struct WrittenTable {
    std::string destination;  // the file, or the database without its password
    std::string layer;        // "" for CSV and an unnamed layer
    std::string format;       // io::format_key: "csv", "gpkg", "postgis", ...
    std::size_t rows = 0;
};

struct CompareResult {
    std::size_t regions = 0;
    WrittenTable table;
    std::vector<ColumnErrors> errors;  // per estimate, per column, in request order
    std::vector<ParentCheck> checks;   // empty without parents
    [[nodiscard]] bool exact() const;  // every parent check exact (true without parents)
    // With "outputs" (destination, layer, format, rows) when the table is not
    // CSV: the report of a CSV table stays as it was.
    [[nodiscard]] nlohmann::ordered_json to_json(const CompareRequest& request) const;
    // One line: per estimate the median of the columns' median APEs and the
    // worst APE (with its column and region), and the parent check.
    [[nodiscard]] std::string summary() const;
};

// Throws UsageError for a wrong request (no estimate, no column, parents
// without digits, an output of an unknown format, or that exists without
// Overwrite::Yes, or a FlatGeobuf file: no geometry to write), IoError/DataError for
// unreadable tables, missing regions or columns, and DataError when the exact
// check fails (after writing the table).
CompareResult run(const CompareRequest& request, const ProgressRange& progress);

}  // namespace regio::compare
