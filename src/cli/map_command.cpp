// regio map: a choropleth as SVG, and the same classes as a styled GeoPackage;
// binds the options to regio::maps::MapRequest, runs it, prints the warnings
// and the summary.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "region_options.hpp"
#include "terminal_progress.hpp"
#include "text_options.hpp"

#include "regio/maps/map_operation.hpp"

#include <iostream>
#include <optional>

namespace regio::cli {
namespace {

// The options as CLI11 binds them; the request takes what needs no conversion.
struct MapArgs {
    maps::MapRequest request;
    bool categorical = false;  // --categorical (a style with [[categories]] implies it)
    bool reverse = false;
    std::optional<double> simplify;  // default: maps::kDefaultSimplifyPx
    bool no_simplify = false;
    bool overwrite = false, quiet = false;
    TextInputArgs text;
};

int run(const MapArgs& args) {
    maps::MapRequest request = args.request;
    request.kind = args.categorical ? maps::MapKind::Categorical : maps::MapKind::Classed;
    request.palette_order = args.reverse ? maps::PaletteOrder::Reversed : maps::PaletteOrder::AsDefined;
    request.simplify_px = args.no_simplify ? 0 : args.simplify.value_or(maps::kDefaultSimplifyPx);
    request.overwrite = args.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    request.values.text = args.text.options();
    maps::MapResult result;
    {
        // Ends (clearing its line) before the warnings and the summary are printed.
        TerminalProgress progress(args.quiet);
        result = maps::run(request, ProgressRange(progress.callback()));
    }
    if (!args.quiet) {
        const WarningFn print = warning_printer(args.quiet);
        for (const auto& w : result.warnings) print(w);
        std::cerr << result.summary() << '\n';
    }
    return 0;
}

}  // namespace

void add_map(CLI::App& app, Action& action) {
    auto args = std::make_shared<MapArgs>();
    CLI::App* cmd = app.add_subcommand("map", "Draw a choropleth as SVG (and a GeoPackage that opens styled in QGIS)");
    cmd->add_option("--layer", args->request.regions.regions, "Regions: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")->type_name(kInputLayer)->required();
    cmd->add_option("--layer-name", args->request.regions.regions_layer, "Layer (table) of --layer, when the source has several");
    cmd->add_option("--id", args->request.regions.id, "Region id field")->required();
    cmd->add_option("--field", args->request.values.field, "Value to map: a field of the layer, or a column of --data")->required();
    cmd->add_option("--name", args->request.name, "Field with region names (tooltips)");
    add_region_fix_options(*cmd, args->request.regions);
    cmd->add_option("--data", args->request.values.data, "Join a CSV table onto the regions (- reads standard input)")->type_name(kInputFile);
    cmd->add_option("--data-id", args->request.values.data_id, "Id column of --data");
    cmd->add_option("--minus", args->request.values.minus, "Subtract the same field of this table (joined like --data): map a change")->type_name(kInputFile);
    cmd->add_option("--where", args->request.values.where, "Only --data rows where COLUMN=VALUE (comma-separated or repeated; for tidy tables)")
        ->delimiter(',');
    cmd->add_option("--flag-column", args->request.values.flag_column,
                    "Flag column of --data (default: 'flag' if present); suppressed rows are drawn as confidential");
    cmd->add_option("--facet", args->request.values.facet, "Small multiples: one map per value of this --data column, one shared legend");
    cmd->add_option("--style", args->request.style, "A shipped style by name (regio styles lists them) or a style file, e.g. styles/rate.toml (options below override it)")->type_name(kInputFile);
    cmd->add_flag("--categorical", args->categorical,
                  "Each value is a class of its own (codes such as DEGURBA classes), not a number to class; colours from "
                  "the style's categories (e.g. --style degurba) or a qualitative palette");
    cmd->add_option("--label-field", args->request.label_field,
                    "With --categorical: labels of the categories, a column of --data or a field of --layer");
    cmd->add_option("--classes", args->request.classes, "Number of classes (default 5)");
    cmd->add_option("--method", args->request.method, "quantile, equal, fisher-jenks, std-mean, head-tail, manual or natural-breaks");
    cmd->add_option("--breaks", args->request.breaks, "Fixed upper bounds b1,b2,... (method manual)")->delimiter(',');
    cmd->add_option("--palette", args->request.palette, "Colour scheme (default YlOrRd; RdBu with --center)");
    cmd->add_flag("--reverse", args->reverse, "Reverse the palette");
    cmd->add_option("--center", args->request.center, "Diverging palette centred on this value (0 for gaps)");
    cmd->add_option("--title", args->request.title, "Title");
    cmd->add_option("--subtitle", args->request.subtitle, "Subtitle");
    cmd->add_option("--source", args->request.source, "Source note");
    cmd->add_option("--legend-title", args->request.legend_title, "Legend title (default: the style's, the label column of --data when the rows share one, or the field)");
    cmd->add_option("--labels", args->request.labels, "Legend labels: interval ([1.5, 10], (10, 20]), range (1.5-10) or threshold (up to 10, 10-20, over 40)");
    cmd->add_option("--decimals", args->request.decimals, "Round the legend's bounds to at most this many decimals (default: as few as show them exactly)")
        ->check(CLI::Range(0, 6));
    cmd->add_option("--unit", args->request.unit, "Unit after every legend label, e.g. %");
    cmd->add_option("--width", args->request.width, "Width in pixels (default 900)")->check(CLI::Range(100, 20000));
    cmd->add_option("--height", args->request.height, "Height in pixels (default 700)")->check(CLI::Range(100, 20000));
    cmd->add_option("--crs", args->request.crs, "Draw in this CRS (e.g. EPSG:3035)");
    cmd->add_option("--extent", args->request.extent, "Frame the map on xmin,ymin,xmax,ymax in its CRS (overrides the style's extent)")
        ->delimiter(',');
    cmd->add_option("--simplify", args->simplify,
                    "Simplify for display, in pixels (default 0.25: nothing visible changes); shared borders stay shared")
        ->check(CLI::Range(0.0, 1000.0));
    cmd->add_flag("--no-simplify", args->no_simplify, "Draw every vertex of the regions (no default simplification)")
        ->excludes("--simplify");
    cmd->add_option("--outline", args->request.outline.layer, "Draw the boundaries of FILE[:LAYER] above the map (e.g. districts)")
        ->type_name(kInputLayer);
    cmd->add_option("--outline-layer", args->request.outline.layer_name, "Layer (table) of --outline, when the source has several");
    cmd->add_option("--outline-label", args->request.outline.label, "Field of --outline whose values are drawn as labels");
    cmd->add_option("--outline-id", args->request.outline.id, "Id field of --outline (default: --outline-label)");
    add_text_options(*cmd, args->text);
    cmd->add_option("-o,--output", args->request.output, "The SVG to write")->type_name(kOutputFile)->required();
    cmd->add_option("--gpkg", args->request.gpkg,
                    "Also write a GeoPackage with value, class, fill, the --name field, the data's counts and a QGIS style, "
                    "or that layer into a database (PG:... with --gpkg-layer; its style into the database's layer_styles table)")
        ->type_name(kOutputFile);
    cmd->add_option("--gpkg-layer", args->request.gpkg_layer,
                    "Table of a database --gpkg: [SCHEMA.]NAME, written with its style in one transaction");
    cmd->add_option("--report", args->request.report,
                    "Write a JSON report: regions, classes with breaks and counts, unmatched rows and regions, output files")
        ->type_name(kOutputFile);
    cmd->add_flag("--overwrite", args->overwrite, "Replace existing outputs");
    cmd->add_flag("-q,--quiet", args->quiet, "No summary on stderr");
    cmd->footer(R"(The GeoPackage holds per region: the id, the value, class, fill,
the --name field, and the data's numerator and denominator (or
the other numeric columns of its row); none for a confidential
value. Paths are simplified by 0.25 px by default (--no-simplify:
every vertex). Missing output directories are created.

Example:
  regio map --layer districts.gpkg:districts_2024 --id district_id \
    --name name --data out/indicators_2024.csv --data-id region \
    --where indicator=non_eu_share,group=non_eu --field value \
    --style styles/rate.toml --title "Share of non-EU citizens" \
    -o out/map.svg --gpkg out/map.gpkg --report out/map.json
  (--gpkg "PG:dbname=gis" --gpkg-layer maps.non_eu_share: the
   table and its style in layer_styles, for QGIS)

  Degree of Urbanisation classes of units (regio degurba --units-out), one
  category per code, a duplicated id in the layer settled by its feature id:
  regio map --layer lau.gpkg --id lau_id --set-id 204=04030417 \
    --data out/units.csv --data-id unit --field class --style degurba \
    --title "Degree of Urbanisation" -o out/degurba.svg)");
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
