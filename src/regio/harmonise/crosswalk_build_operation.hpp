#pragma once
// `regio crosswalk build` as a library operation (issue #13): overlay two
// vintages, weight the pieces (raster or points), resolve boundary noise,
// drop slivers, measure the near-boundary shares, type the changes, and write
// the crosswalk, the changes, the pieces and the report as one atomic set of
// outputs (io::OutputPlan). Its registry entry (crosswalk_build_command.hpp)
// binds the options to the request; the CLI prints the result.
//
// Destinations (issue #16): the crosswalk (-o) and the changes (--changes)
// are CSV files as always, a plain table in a database (PG:... with a layer
// name: one transaction, renamed into place at commit; at most one database
// output per run), or a GeoPackage, FlatGeobuf, GeoJSON or Parquet layer
// (by --of or the extension) with geometry: each crosswalk row with its
// piece a ∩ b, each change with its unit's polygon in its own vintage.
#include "regio/harmonise/boundary_noise.hpp"
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/crosswalk_build_noise.hpp"
#include "regio/harmonise/near_boundary.hpp"
#include "regio/harmonise/pair_weights.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/region_fixes.hpp"
#include "regio/io/text_input.hpp"
#include "regio/progress.hpp"
#include "regio/regions/region_source.hpp"
#include "regio/report/report_output.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace regio::harmonise {

struct CrosswalkBuildRequest {
    regions::RegionSource from;  // the older vintage (--from, --from-id, ...)
    regions::RegionSource to;    // the newer vintage
    std::string weights;         // a raster, or points (a CSV or FILE[:LAYER] of an OGR point layer); "" = area only
    std::string weights_layer;   // the points' layer apart from the source
    std::string weights_x;
    std::string weights_y;
    std::string weights_crs;
    std::string weights_field;   // "" = count the points
    std::string from_name;       // unit name fields, for 'renamed' changes (both or neither)
    std::string to_name;
    std::string work_crs;        // "" = the --from layer's CRS
    double min_share = CrosswalkOptions{}.min_share;
    double min_area = 0;
    double boundary_tolerance = -1;  // metres; < 0: from the map scale in the file names, else 0
    int within_prefix = 0;           // parents: the first N characters of the ids
    std::string within;              // parents: FROM_FIELD=TO_FIELD
    io::TableDestination output;     // the crosswalk (-o, --output-layer, --of); "-" = CSV on standard output
    io::TableDestination changes;    // the typed changes (--changes, --changes-layer); path "" = none
    std::string gpkg;                // the kept pieces as polygons (.gpkg); "" = none
    std::string report;              // the JSON report; "" = none
    io::TextOptions text;            // of CSV weight points and of the vintages' text (encoding)
    io::Overwrite overwrite = io::Overwrite::No;
    unsigned threads = 0;            // 0 = all cores
};

// Seconds per stage, as the report and the summary give them.
struct CrosswalkBuildTimings {
    double regions = 0, overlay = 0, weights = 0, noise = 0, near_boundary = 0, write = 0;
};

// One vintage as read and checked.
struct VintageFigures {
    std::string source;  // as displayed (no password)
    std::size_t units = 0;
    std::vector<std::string> ids;  // in the order of the checked region set (the noise report names units by them)
    double area_m2 = 0;
    std::vector<std::string> warnings;
    std::vector<io::AppliedFix> fixes;
};

struct CrosswalkBuildResult {
    VintageFigures from;
    VintageFigures to;
    std::size_t pieces = 0;  // of the overlay
    BuildResult built;       // the crosswalk, the slivers, the unmatched units
    NoiseSetup noise_setup;
    NoiseResult noise;
    std::optional<std::string> advice;
    BandWeight band_weight = BandWeight::Measured;
    // Weights: "" = none; with points the point figures too.
    std::string weights_source;
    std::string weights_field;
    bool weighted = false;  // the pieces have weights
    double weight_total = 0;
    double sliver_area = 0;
    double sliver_weight = 0;
    std::optional<PointPairWeights> points;
    std::string points_display;
    std::string points_ref_kind;
    std::vector<Change> changes;  // empty without --changes
    // The tables written in a format other than CSV (a database, GeoPackage,
    // ...), with their rows, for the report's "outputs" (issue #16); CSV
    // runs keep the report they always had.
    std::vector<report::WrittenTable> outputs;
    CrosswalkBuildTimings timings;
    unsigned threads = 1;

    // Exactly the report `regio crosswalk build --report` has always written.
    [[nodiscard]] nlohmann::ordered_json to_json() const;
    // Exactly the lines it has always printed on stderr (each ending in a
    // newline), the weight points' warnings and the advice among them.
    [[nodiscard]] std::string summary() const;
};

// UsageError for a wrong request (an output format it cannot be, --from-name
// without --to-name or --changes, point options without point weights,
// an existing output without Overwrite::Yes, ...), CrsError for a missing or
// geographic CRS or weights in another CRS than the regions, IoError/
// DataError for unreadable inputs; a DataError when the weight points land
// nowhere (a wrong CRS). Nothing is written unless everything succeeded.
// Region warnings go to `warn` as the vintages are read.
CrosswalkBuildResult run(const CrosswalkBuildRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::harmonise
