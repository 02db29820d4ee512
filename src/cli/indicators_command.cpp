// regio indicators: binds the options to an indicators::IndicatorsRequest,
// runs it, prints the warnings and the summary (see
// regio/indicators/indicators_operation.hpp).
#include "commands.hpp"
#include "option_kinds.hpp"
#include "region_options.hpp"
#include "terminal_progress.hpp"
#include "text_options.hpp"

#include "regio/indicators/indicators_operation.hpp"

#include <iostream>

namespace regio::cli {
namespace {

namespace ind = regio::indicators;

struct IndicatorsArgs {
    ind::IndicatorsRequest request;
    bool overwrite = false, quiet = false;
    TextInputArgs text;
};

int run(IndicatorsArgs& args) {
    ind::IndicatorsRequest& r = args.request;
    r.text = args.text.options();
    r.regions.encoding = r.text.encoding;
    r.overwrite = args.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    TerminalProgress progress(args.quiet);
    const ind::IndicatorsResult result = ind::run(r, ProgressRange(progress.callback()), warning_printer(args.quiet));
    if (!args.quiet) std::cerr << result.summary();
    return 0;
}

}  // namespace

void add_indicators(CLI::App& app, Action& action) {
    auto args = std::make_shared<IndicatorsArgs>();
    ind::IndicatorsRequest& r = args->request;
    CLI::App* cmd = app.add_subcommand("indicators", "Rates by population group, gaps and disclosure control from counts per region");
    cmd->add_option("--data", r.data, "A CSV table of counts, one row per region (e.g. from aggregate points --by)")->type_name(kInputFile)->required();
    cmd->add_option("--id", r.id, "Column of --data with the region ids")->required();
    cmd->add_option("--definitions", r.definitions, "INDICATORS.toml: groups, indicators, disclosure rules")->type_name(kInputFile)->required();
    cmd->add_option("--rollup", r.rollup, "Add parent regions: 'nuts' (by code prefix) or a parent-id column of --data");
    cmd->add_option("-o,--output", r.output.path,
                    "Output: tidy table (.csv), or one feature per region (.gpkg, .fgb, .geojson, .parquet; needs --regions)")
        ->type_name(kOutputFile)
        ->required();
    auto* regions = cmd->add_option("--regions", r.regions.regions,
                                    "FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...): region polygons for a wide output (.gpkg, .fgb, .geojson, .parquet)")
                        ->type_name(kInputLayer);
    cmd->add_option("--regions-layer", r.regions.regions_layer, "Layer (table) of --regions, when the source has several")
        ->needs(regions);
    cmd->add_option("--output-layer", r.output.layer,
                    "Table of a database -o (PG:..., wide like .gpkg; [SCHEMA.]NAME, written in one transaction), or the "
                    "GeoPackage's layer (default: the file's name)");
    cmd->add_option("--of", r.output.format, "Output format instead of the extension's: csv, gpkg, fgb, geojson, parquet");
    cmd->add_option("--regions-id", r.regions.id, "Id field of --regions (default: the --id column name)");
    add_region_fix_options(*cmd, r.regions);
    cmd->add_flag("--overwrite", args->overwrite, "Replace the output (and report) if they exist");
    cmd->add_option("--report", r.report, "Write a JSON report: rows per flag, suppressed cells, rollup levels, inputs")->type_name(kOutputFile);
    cmd->add_option("--ptable-output", r.ptable_output,
                    "With method = \"cell-key\": write the perturbation table used (cellKey's CSV format: i,j,p,v,p_int_lb,p_int_ub,type)")->type_name(kOutputFile);
    cmd->add_flag("-q,--quiet", args->quiet, "No summary on stderr");
    add_text_options(*cmd, args->text);
    cmd->footer(R"(Output: region,indicator,group,value,numerator,denominator,flag,
definition,label; rows by region (data order, then parents), indicator
(file order), group (listed order), "total", then "<group>_gap".
value = scale * numerator / denominator, counts summed up the hierarchy
before dividing; gaps (percentage points for scale 100) rounded to 0.1.
flag: ok, suppressed, zero_denominator, no_data; only ok rows have a
value. Disclosure control: primary (0 < n < t_min), rates (denominator
< t_min, 0 < denominator - numerator < t_min), then secondary
suppression over rows (groups + total) and columns (parents, all
regions); a count suppressed in one indicator is suppressed in all.
GeoPackage (-o OUT.gpkg --regions FILE[:LAYER]): one feature per region
(regions' order, then parents without geometry); columns: the id,
<indicator>_<group>_flag (text) and <indicator>_<group> (NULL unless ok).
The same wide layer as FlatGeobuf (.fgb), GeoJSON (.geojson) or Parquet
(.parquet, where GDAL has the driver), or a database table (-o PG:...
--output-layer NAME); --of FORMAT overrides the extension.
With [disclosure] method = "cell-key" every cell is published instead,
its counts perturbed by the ptable (flag perturbed); see the README. An
[[indicator]] may set its own method (and ptable or parameters): the
summary and the report's "protection" list say which ran for each.

Example:
  regio indicators --data out/residents_2024.csv --id district_id \
    --definitions geodata/demo/indicators.toml -o out/indicators_2024.csv)");
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
