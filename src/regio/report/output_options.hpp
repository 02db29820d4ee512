#pragma once
// The options every command that writes a table declares (-o, --overwrite,
// --report, --threads, --quiet) and the destination options of table outputs
// (--output-layer, --of), declared once so that names and help are the same
// everywhere.
#include "regio/io/output_plan.hpp"
#include "regio/options/option_set.hpp"

#include <string>

namespace regio::report {

struct OutputOptions {
    std::string output;
    std::string output_layer;   // --output-layer: the table of -o PG:..., or a layer name
    std::string output_format;  // --of: empty = by the extension
    bool overwrite = false;
    std::string report;
    bool quiet = false;
    unsigned threads = 0;  // 0: all cores

    // --overwrite as the requests take it.
    [[nodiscard]] io::Overwrite overwrite_policy() const { return overwrite ? io::Overwrite::Yes : io::Overwrite::No; }
};

void declare_output_options(options::OptionSet& options, OutputOptions& output);
// --output-layer and --of, for commands whose -o is a region table that may
// go into a database or any of the table formats (issue #16).
void declare_table_destination_options(options::OptionSet& options, OutputOptions& output);
// --output-layer and --of, and -o's help text, for commands whose -o is a
// table without geometry (crosswalk apply and chain): CSV, a GeoPackage
// attribute table, GeoJSON, Parquet or a database table; not FlatGeobuf.
void declare_attribute_table_destination_options(options::OptionSet& options, OutputOptions& output);

io::TableDestination table_destination(const OutputOptions& output);

}  // namespace regio::report
