#pragma once
// A table with integer, real and text columns (a RegionTable holds numbers
// only), written atomically as CSV (no geometry) or as a GeoPackage layer
// with polygon geometry: the cluster and unit tables of `regio degurba`.
#include "regio/geometry/types.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace regio::io {

enum class FieldType : std::uint8_t { Integer, Real, Text };

struct FeatureColumn {
    std::string name;
    FieldType type = FieldType::Real;
    std::vector<double> numbers;     // Integer and Real columns; NaN = null (empty in CSV)
    std::vector<std::string> texts;  // Text columns
};

struct FeatureTable {
    std::deque<FeatureColumn> columns;  // a deque: add() keeps earlier references valid
    std::size_t rows = 0;
    // GeoPackage only: one shape per row (an empty one gives a null
    // geometry), in the CRS given as WKT.
    const std::vector<geometry::MultiPolygon>* shapes = nullptr;
    std::string crs_wkt;

    FeatureColumn& add(std::string name, FieldType type) {
        columns.push_back({std::move(name), type, {}, {}});
        return columns.back();
    }
};

// UsageError unless the path ends in .csv or .gpkg (naming `option`), or
// when OutputFile refuses it; checked before any work is done.
void check_feature_output(const std::string& path, const std::string& option, Overwrite overwrite,
                          const std::vector<std::string>& inputs);

// UsageError unless the path ends in .csv or .gpkg (naming `option`).
void check_feature_format(const std::string& path, const std::string& option);

// To the temporary file of a planned output (see OutputPlan), by the final
// path's extension: CSV with numbers in the shortest round-trip form (integers
// without a decimal point), or a GeoPackage layer named by the output's layer
// (OutputPlan::add_table) or after the file's stem.
// The GeoPackage needs shapes.
void write_feature_table(const FeatureTable& table, const PlannedOutput& output);
// A command with this one output: checked, written and committed at once.
void write_feature_table(const FeatureTable& table, const std::string& path, Overwrite overwrite,
                         const std::vector<std::string>& inputs);

}  // namespace regio::io
