#include "regio/report/output_options.hpp"

namespace regio::report {

void declare_output_options(options::OptionSet& options, OutputOptions& output) {
    options.add("-o,--output", output.output,
                "Output table: .csv (no geometry) or .gpkg (with region geometry); - writes CSV to standard output")
        .value_name(options::kOutputFile)
        .required();
    options.flag("--overwrite", output.overwrite, "Replace the output (and report) if they exist");
    options.add("--report", output.report,
                "Write a JSON report: records read, assigned, outside, invalid, timings (missing directories are created)")
        .value_name(options::kOutputFile);
    options.add("--threads", output.threads, "Worker threads (default: all cores)").range(0, 1024);
    options.flag("-q,--quiet", output.quiet, "No progress and no summary on stderr");
}

void declare_table_destination_options(options::OptionSet& options, OutputOptions& output) {
    options.option("--output").help(
        "Output table: .csv (no geometry), or with the region geometry .gpkg, .fgb (FlatGeobuf), .geojson, "
        ".parquet (where GDAL has the driver), or a database: PG:CONNECTION with --output-layer");
    options.add("--output-layer", output.output_layer,
                "Table of a database output ([SCHEMA.]NAME, written in one transaction and renamed into place), or the "
                "layer name in a file (default: the file's name)");
    options.add("--of", output.output_format, "Output format instead of the extension's: csv, gpkg, fgb, geojson, parquet");
}

void declare_attribute_table_destination_options(options::OptionSet& options, OutputOptions& output) {
    // A table without geometry (issue #16): FlatGeobuf cannot hold one.
    options.option("--output").help(
        "Output table (no geometry): .csv, .gpkg (an attribute table), .geojson (features without "
        "geometry), .parquet (where GDAL has the driver), or a database: PG:CONNECTION with --output-layer; "
        "- writes CSV to standard output");
    options.add("--output-layer", output.output_layer,
                "Table of a database output (-o PG:... --output-layer [SCHEMA.]NAME): a plain table, written in one "
                "transaction and renamed into place; or the layer name in a file (default: the file's name)");
    options.add("--of", output.output_format, "Output format instead of the extension's: csv, gpkg, geojson, parquet");
}

io::TableDestination table_destination(const OutputOptions& output) {
    return {output.output, output.output_layer, output.output_format};
}

}  // namespace regio::report
