#pragma once
// `regio crosswalk chain` as a library operation: composes crosswalks A->B,
// B->C, ... into A->C (chain_gaps.hpp), checks every table before and the
// composed one after, and writes it (CSV, a database table, or a GeoPackage,
// GeoJSON or Parquet table without geometry; issue #16) with the JSON report
// as one set of outputs. Its registry entry (crosswalk_chain_command.hpp)
// binds the options to the request; the CLI prints the summary and the warnings.
#include "regio/harmonise/chain_gaps.hpp"
#include "regio/io/output_file.hpp"
#include "regio/progress.hpp"

#include "regio/report/report_output.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace regio::harmonise {

struct CrosswalkChainRequest {
    std::vector<std::string> crosswalks;  // in order: A_B.csv B_C.csv [C_D.csv ...]
    MiddleGaps middle_gaps = MiddleGaps::Carry;
    std::string output;                   // the chained crosswalk (.csv, "-": standard output; or PG:..., .gpkg, .geojson, .parquet)
    std::string output_layer;             // --output-layer: the table of -o PG:..., or a layer name
    std::string output_format;            // --of: empty = by the extension
    std::string report;                   // "": no report
    io::Overwrite overwrite = io::Overwrite::No;
};

// What one link of the chain left out.
struct ChainLink {
    std::string crosswalk;
    std::vector<std::string> discontinued;
    std::vector<std::string> new_units;
    std::vector<std::string> dropped_sources;
};

struct CrosswalkChainResult {
    std::size_t rows = 0;
    std::vector<ChainLink> links;            // per crosswalk after the first
    std::size_t tables_with_near_boundary = 0;
    bool near_boundary_composed = false;     // the chained table has near-boundary shares
    std::vector<std::string> warnings;       // without "regio: warning: ", in the order printed
    // The table when written in a format other than CSV, with its rows, for
    // the report's "outputs" (issue #16); CSV runs keep their report.
    std::vector<report::WrittenTable> outputs;

    // The report as written with --report.
    [[nodiscard]] nlohmann::ordered_json to_json(const CrosswalkChainRequest& request) const;
    // "chain: N rows".
    [[nodiscard]] std::string summary() const;
};

// Throws UsageError for fewer than two crosswalks, an output format that
// cannot hold the table (FlatGeobuf, an unknown extension), an output that
// exists; DataError for a table that fails its check, refused middle gaps
// (MiddleGaps::Strict) or a chained table that fails its check. Nothing is
// written then.
CrosswalkChainResult run(const CrosswalkChainRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::harmonise
