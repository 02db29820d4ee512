#pragma once
// `regio segregation` as a library operation: a request of plain values, a
// result with the tidy index table, the local table and the figures of the
// report, and run(). Its options are declared in segregation_command.cpp
// (the registry); a front-end binds them to the request and prints the result.
#include "regio/geometry/region_set.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/region_fixes.hpp"
#include "regio/progress.hpp"
#include "regio/report/report_output.hpp"
#include "regio/geometry/adjacency.hpp"
#include "regio/segregation/composition.hpp"
#include "regio/segregation/simulation.hpp"
#include "regio/segregation/smoothing.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::segregation {

// Where the units are: nowhere (aspatial indices only), polygons of a region
// layer (--regions), or grid cells named by the id column (--grid-codes).
enum class UnitGeometry { None, Regions, GridCodes };

struct SegregationRequest {
    std::string data;                 // TABLE.csv or FILE[:LAYER] or any GDAL data source
    std::string data_layer;           // --data-layer: the layer apart from the source (colons stay in it)
    std::string id;                   // unit id column (grid codes with GridCodes)
    std::vector<std::string> groups;  // one group with `total`, or several that partition
    std::string total;                // empty: the groups' sum is the total
    UnitGeometry geometry = UnitGeometry::None;
    std::string regions;              // FILE[:LAYER] or any GDAL data source
    std::string regions_layer;        // --regions-layer
    std::string regions_id;           // empty: the same name as `id`
    io::RegionFixes region_fixes;     // --set-id, --skip-feature of `regions`
    std::vector<std::string> indices; // empty: every index that applies
    geometry::Contiguity contiguity = geometry::Contiguity::Queen;
    double tolerance = geometry::kDefaultAdjacencyTolerance;
    std::vector<double> bandwidths;   // CRS units
    Kernel kernel = Kernel::Box;
    std::vector<std::int64_t> scales; // k x k blocks of grid cells
    std::string within;               // a column of the data
    std::size_t within_prefix = 0;    // or the first N characters of the id
    unsigned simulations = 0;
    std::uint64_t seed = 1;
    unsigned threads = 1;
    // Outputs: checked before any work, written atomically at the end.
    std::string output;               // OUT.csv, another table format, or PG:... (issue #16)
    std::string output_layer;         // --output-layer: the table of -o PG:..., or a layer name
    std::string output_format;        // --of: empty = by the extension of -o
    std::string local;                // LOCAL.csv, .gpkg, .fgb, .geojson, .parquet or PG:... (optional)
    std::string local_layer;          // --local-layer: the table of --local PG:..., or a layer name
    std::string report;               // --report: the JSON report (optional), planned with the tables
    io::Overwrite overwrite = io::Overwrite::No;

    // The inputs with their layers named apart or after a colon.
    [[nodiscard]] io::InputSpec data_input() const { return io::InputSpec::parse(data, data_layer); }
    [[nodiscard]] io::InputSpec regions_input() const { return io::InputSpec::parse(regions, regions_layer); }
};

// One row of OUT.csv.
struct SegregationRow {
    std::string within;      // empty: the whole input
    std::string index;       // a stable index name
    std::string group;       // empty for multigroup indices
    std::int64_t scale = 0;  // 0: empty
    double bandwidth = 0;    // 0: empty
    double value = 0;        // NaN: undefined here (written empty)
    std::optional<SimulatedValue> simulated;
};

// Theil's decomposition of M over the --within groups.
struct MutualInformationReport {
    double total = 0, between = 0, within = 0;
};

struct SegregationResult {
    std::vector<SegregationRow> rows;
    // Per unit, in data order: ids, location quotients per group, local entropy.
    std::vector<std::string> unit_ids;
    std::vector<std::string> local_groups;
    std::vector<std::vector<double>> location_quotients;  // [group][unit]
    std::vector<double> local_entropy;
    // Unit shapes for a GeoPackage --local (empty without geometry).
    geometry::RegionSet shapes;

    // Figures for the report.
    Composition composition;
    std::size_t within_groups = 0;
    std::size_t neighbour_pairs = 0;
    std::optional<MutualInformationReport> decomposition;
    std::vector<std::string> warnings;
    std::vector<io::AppliedFix> region_fixes;  // as applied to the regions (for the report)
    // The tables written in a format other than CSV (a database, GeoPackage,
    // ...), with their rows, for the report's "outputs" (issue #16); CSV
    // runs keep the report they always had.
    std::vector<report::WrittenTable> outputs;
    double seconds = 0;

    [[nodiscard]] nlohmann::ordered_json to_json(const SegregationRequest& request) const;
    // The text of OUT.csv (deterministic).
    [[nodiscard]] std::string csv() const;
};

// Reads, checks, computes and writes the outputs and the report (with
// "region_fixes" when --set-id or --skip-feature were used). Throws UsageError for
// option combinations that cannot work, DataError naming file, line and
// column for bad input, CrsError for a missing or geographic CRS where
// distances are needed.
SegregationResult run(const SegregationRequest& request, const ProgressRange& progress);

}  // namespace regio::segregation
