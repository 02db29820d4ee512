#include "commands.hpp"
#include "option_kinds.hpp"

#include "regio/worker_threads.hpp"

namespace regio::cli {

void add_output_options(CLI::App& command, OutputOptions& options) {
    command.add_option("-o,--output", options.output, "Output table: .csv (no geometry) or .gpkg (with region geometry); - writes CSV to standard output")
        ->type_name(kOutputFile)
        ->required();
    command.add_flag("--overwrite", options.overwrite, "Replace the output (and report) if they exist");
    command.add_option("--report", options.report, "Write a JSON report: records read, assigned, outside, invalid, timings (missing directories are created)")
        ->type_name(kOutputFile);
    command.add_option("--threads", options.threads, "Worker threads (default: all cores)")->check(CLI::Range(0u, 1024u));
    command.add_flag("-q,--quiet", options.quiet, "No progress and no summary on stderr");
}

void add_table_destination_options(CLI::App& command, OutputOptions& options) {
    command.get_option("--output")
        ->description("Output table: .csv (no geometry), or with the region geometry .gpkg, .fgb (FlatGeobuf), .geojson, "
                      ".parquet (where GDAL has the driver), or a database: PG:CONNECTION with --output-layer");
    command.add_option("--output-layer", options.output_layer,
                       "Table of a database output ([SCHEMA.]NAME, written in one transaction and renamed into place), or the "
                       "layer name in a file (default: the file's name)");
    command.add_option("--of", options.output_format,
                       "Output format instead of the extension's: csv, gpkg, fgb, geojson, parquet");
}

void add_attribute_table_destination_options(CLI::App& command, OutputOptions& options) {
    // A table without geometry (issue #16): FlatGeobuf cannot hold one.
    command.get_option("--output")
        ->description("Output table (no geometry): .csv, .gpkg (an attribute table), .geojson (features without "
                      "geometry), .parquet (where GDAL has the driver), or a database: PG:CONNECTION with --output-layer; "
                      "- writes CSV to standard output");
    command.add_option("--output-layer", options.output_layer,
                       "Table of a database output (-o PG:... --output-layer [SCHEMA.]NAME): a plain table, written in one "
                       "transaction and renamed into place; or the layer name in a file (default: the file's name)");
    command.add_option("--of", options.output_format, "Output format instead of the extension's: csv, gpkg, geojson, parquet");
}

io::TableDestination table_destination(const OutputOptions& options) {
    return {options.output, options.output_layer, options.output_format};
}

unsigned effective_threads(unsigned requested) { return worker_threads(requested); }

}  // namespace regio::cli
