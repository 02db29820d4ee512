// regio map: a choropleth as SVG, and the same classes as a styled GeoPackage.
#include "commands.hpp"
#include "map_categories.hpp"
#include "option_kinds.hpp"
#include "map_data.hpp"
#include "map_gpkg_layers.hpp"
#include "map_outline.hpp"
#include "region_options.hpp"
#include "report_file.hpp"
#include "text_options.hpp"

#include "regio/classify/options_check.hpp"
#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/map_gpkg.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/map_advice.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/render/legend_labels.hpp"
#include "regio/render/map_report.hpp"
#include "regio/style/map_style.hpp"
#include "regio/style/style_catalog.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace regio::cli {
namespace {

struct MapArgs {
    std::string layer, id, name;
    std::string layer_name;  // --layer-name: the layer apart from the source
    RegionOptions fixes;     // --set-id, --skip-feature of --layer
    MapDataArgs values;   // --field, --data, --data-id, --where, --facet, --minus
    std::string style;
    bool categorical = false;  // --categorical (a style with [[categories]] implies it)
    std::string label_field;   // --label-field
    std::optional<std::size_t> classes;
    std::string method;
    std::vector<double> breaks;
    std::string palette;
    bool reverse = false;
    std::optional<double> center;
    std::string title, subtitle, source, legend_title;
    std::string labels, unit;
    std::optional<int> decimals;
    OutlineArgs outline;
    int width = 0, height = 0;
    std::string crs;
    std::vector<double> extent;
    std::optional<double> simplify;  // default: kDefaultSimplifyPx
    bool no_simplify = false;
    std::string output, gpkg, report;
    std::string gpkg_layer;  // the table of --gpkg PG:... (issue #16)
    bool overwrite = false, quiet = false;
    TextInputArgs text;
};

// Light default simplification (issue #18 item 8): a quarter of an output
// pixel changes nothing visible and drops the vertices closer together than
// that (the demo map: see CHANGELOG); shared borders are simplified once, so
// neighbours stay gap-free (render/simplify.hpp).
constexpr double kDefaultSimplifyPx = 0.25;

double simplify_px(const MapArgs& args) {
    if (args.no_simplify) return 0;
    return args.simplify.value_or(kDefaultSimplifyPx);
}

io::Overwrite overwrite_of(const MapArgs& args) { return args.overwrite ? io::Overwrite::Yes : io::Overwrite::No; }

bool same_color(const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

// The legend's title: --legend-title, the style's, the indicator's definition
// (the `label` column of regio indicators' table), or the field as a last resort.
std::string legend_title(const MapArgs& args, const style::MapStyleFile& st, const std::string& definition_label) {
    if (!args.legend_title.empty()) return args.legend_title;
    if (st.legend_title) return *st.legend_title;
    return !definition_label.empty() ? definition_label : args.values.field;
}

render::MapReport map_report(const MapArgs& args, const io::InputSpec& input, std::size_t region_count,
                             const render::PanelValues& panels, const render::ClassSpec& spec, const std::vector<std::string>& warnings) {
    render::MapReport report;
    report.regions_source = input.display();
    report.region_count = region_count;
    report.data_source = args.values.data;
    report.field = args.values.field;
    report.panels = panels.facets;
    report.regions_without_row = panels.missing;
    report.rows_without_region = panels.unmatched;
    report.method = classify::method_name(spec.method);
    report.simplify_px = simplify_px(args);
    report.outputs.emplace_back("output", args.output);
    if (!args.gpkg.empty()) report.outputs.emplace_back("gpkg", args.gpkg);
    report.warnings = warnings;
    return report;
}

int run(MapArgs args) {
    // A style file gives defaults; options given on the command line win.
    style::MapStyleFile st;
    args.style = style::resolve_style(args.style);  // a shipped style by name, or a file
    if (!args.style.empty()) st = style::load_map_style(args.style);
    render::ClassSpec spec;
    spec.method = classify::parse_method(!args.method.empty() ? args.method : st.method.value_or(args.breaks.empty() && st.breaks.empty() ? "quantile" : "manual"));
    if (args.classes) classify::check_class_count(*args.classes, "--classes");
    spec.k = args.classes ? *args.classes : st.classes.value_or(5);
    if (spec.method == classify::Method::Manual) spec.options.manual_breaks = !args.breaks.empty() ? args.breaks : st.breaks;
    spec.palette = !args.palette.empty() ? args.palette : st.palette.value_or("");
    spec.reverse = args.reverse || st.reverse.value_or(false);
    spec.center = args.center ? args.center : st.center;
    if (!args.labels.empty()) spec.labels.style = render::parse_label_style(args.labels, "--labels");
    spec.labels.decimals = args.decimals;
    spec.labels.unit = args.unit;
    render::MapStyle look;
    if (st.nodata_color) look.nodata_color = *st.nodata_color;
    if (st.nodata_label) look.nodata_label = *st.nodata_label;
    if (st.confidential_color) look.confidential_color = *st.confidential_color;
    if (st.confidential_label) look.confidential_label = *st.confidential_label;
    if (st.border_color) look.border_color = *st.border_color;
    if (st.border_width) look.border_width = *st.border_width;
    if (st.font) look.font = *st.font;
    if (same_color(look.confidential_color, look.nodata_color))
        throw ConfigError("confidential_color and nodata_color must differ (the GeoPackage tells them apart by fill)",
                          Where{args.style, {}, {}, {}, "confidential_color"});

    args.values.text = args.text.options();
    io::InputSpec input = io::InputSpec::parse(args.layer, args.layer_name);
    input.encoding = args.values.text.encoding;
    // Data errors of the classification name the values' file and field.
    spec.options.source = args.values.data.empty() ? Where{input.display_path(), input.layer, {}, {}, args.values.field}
                                                   : Where{args.values.data, {}, {}, {}, args.values.field};
    const std::vector<io::InputSpec> inputs{input, io::InputSpec{args.values.data}, io::InputSpec{args.values.minus},
                                            io::InputSpec{args.style},
                                            io::InputSpec::parse(args.outline.layer, args.outline.layer_name)};
    if (io::extension_of(args.output) != "svg") throw UsageError("the map is written as SVG: name it .svg");
    io::OutputPlan outputs = io::OutputPlan::reading(overwrite_of(args), inputs);
    const io::PlannedOutput& svg_output = outputs.add("--output", args.output);
    if (!args.gpkg.empty()) {
        const std::string& field = args.values.field;
        if (io::extension_of(args.gpkg) != "gpkg" && !io::is_data_source_name(args.gpkg))
            throw UsageError("--gpkg must name a .gpkg file or a database (PG:... with --gpkg-layer)");
        if (field == "class" || field == "fill" || field == args.id)
            throw UsageError("--gpkg writes columns '" + args.id + "', 'class' and 'fill': the value column '" + field + "' would clash with them");
    }
    if (!args.gpkg_layer.empty() && !io::is_data_source_name(args.gpkg))
        throw UsageError("--gpkg-layer names the table of a database --gpkg (PG:...); a GeoPackage's layer is named after its file");
    const io::PlannedOutput* gpkg_output =
        args.gpkg.empty() ? nullptr
        : io::is_data_source_name(args.gpkg) ? &outputs.add_table("--gpkg", {args.gpkg, args.gpkg_layer, {}})
                                              : &outputs.add("--gpkg", args.gpkg);
    const io::PlannedOutput* report_output = outputs.add_optional("--report", args.report);
    if (!args.extent.empty() && (args.extent.size() != 4 || args.extent[0] >= args.extent[2] || args.extent[1] >= args.extent[3]))
        throw UsageError("--extent takes xmin,ymin,xmax,ymax in the map's CRS");

    std::vector<std::string> warnings;
    // Names and the values to map (without --data) come in the same pass as
    // the shapes: a GeoJSON layer is parsed whole at every opening.
    io::RegionReadOptions read_options{args.id, {}, {}, args.fixes.fixes(), args.name};
    if (!args.name.empty()) read_options.text_fields.push_back(args.name);
    if (args.values.data.empty()) read_options.numeric_fields.push_back(args.values.field);
    const MapKind kind = args.categorical || !st.categories.empty() ? MapKind::Categorical : MapKind::Classed;
    if (!args.label_field.empty() && kind != MapKind::Categorical)
        throw UsageError("--label-field labels categories: add --categorical");
    if (kind == MapKind::Categorical && (args.classes || !args.method.empty() || !args.breaks.empty() || args.center))
        throw UsageError("a categorical map has a class per value: --classes, --method, --breaks and --center do not apply");
    const CategoryLabels category_labels(args.label_field, args.values, input.display_path());
    const std::string& label_field = category_labels.region_field();
    if (!label_field.empty() && label_field != args.name) read_options.text_fields.push_back(label_field);
    io::RegionFields fields;
    geometry::RegionSet regions = io::read_regions(input, read_options, warnings, &fields);
    std::string definition_label;
    CarriedColumns carried;
    const render::PanelValues panels = read_map_values(fields.numbers[args.values.field], args.values, regions.ids, warnings,
                                                       &definition_label, gpkg_output ? &carried : nullptr);
    std::vector<std::string> names = args.name.empty() ? std::vector<std::string>(regions.size()) : fields.text[args.name];
    if (!args.crs.empty()) io::transform_regions(regions, io::Crs::from_wkt(regions.crs_wkt), io::Crs::from_user(args.crs, "--crs"));
    const io::Crs map_crs = io::Crs::from_wkt(regions.crs_wkt);
    args.outline.encoding = args.values.text.encoding;
    const Outlines outlines = read_outlines(args.outline, map_crs, warnings);

    // One classification over all panels: one legend, counts over all of them.
    const render::ChoroplethPlan plan =
        kind == MapKind::Categorical
            ? render::plan_categories(panels.values,
                                      map_category_spec(st, args.style, args.palette,
                                                        category_labels.labels(panels.values, label_field.empty() ? std::vector<std::string>{} : fields.text[label_field]),
                                                        spec.options.source),
                                      panels.confidential)
            : render::plan_panels(panels.values, spec, panels.confidential);
    for (const auto& w : plan.classes.warnings) warnings.push_back(w);
    if (kind == MapKind::Classed) {
        std::vector<double> all;
        for (const auto& panel : panels.values) all.insert(all.end(), panel.begin(), panel.end());
        for (auto& w : render::map_advice(all, spec, plan.classes.k(), args.values.field)) warnings.push_back(std::move(w));
    }

    render::MapSpec map;
    map.width = args.width ? args.width : st.width.value_or(900);
    map.height = args.height ? args.height : st.height.value_or(700);
    map.metres = !map_crs.is_geographic();
    if (!args.extent.empty()) map.extent = geometry::Box{args.extent[0], args.extent[1], args.extent[2], args.extent[3]};
    else map.extent = st.extent;
    map.insets = st.insets;
    map.simplify = simplify_px(args);
    map.outlines = outlines.shapes();
    const std::size_t n_panels = panels.values.size();
    render::MapText text{args.title, args.subtitle, !args.source.empty() ? args.source : st.source.value_or(""),
                         legend_title(args, st, definition_label),
                         kind == MapKind::Categorical ? fmt::format("{} categories", plan.classes.k())
                                                      : fmt::format("{}, k = {}", classify::method_name(spec.method), plan.classes.k())};
    if (n_panels > 1) text.method_note += fmt::format("; counts over all {} maps", n_panels);
    // Issue #17: perturbed values are drawn like any other, and the legend says so.
    if (panels.perturbed > 0) text.method_note += "; counts perturbed (cell-key method)";

    std::vector<render::MapPanel> drawn(n_panels);
    for (std::size_t p = 0; p < n_panels; ++p) {
        drawn[p].title = panels.facets[p];
        for (std::size_t r = 0; r < regions.size(); ++r) {
            const double v = panels.values[p][r];
            drawn[p].regions.push_back({regions.ids[r], names[r], &regions.shapes[r], std::isfinite(v) ? std::optional<double>(v) : std::nullopt,
                                        plan.region_class[p * regions.size() + r]});
        }
    }
    std::vector<render::LegendClass> legend;
    for (std::size_t k = 0; k < plan.colors.size(); ++k) legend.push_back({plan.labels[k], plan.colors[k], plan.classes.counts[k]});
    const render::MapDrawing drawing = render::draw_map(drawn, legend, plan.nodata, look, text, map);
    warnings.insert(warnings.end(), drawing.warnings.begin(), drawing.warnings.end());
    // A map for publication names what it shows and where the data come from.
    if (text.title.empty()) warnings.push_back("the map has no title (--title)");
    if (text.source.empty()) warnings.push_back("the map has no source note (--source, or source in the style)");

    io::write_output_text(svg_output, drawing.svg);
    if (gpkg_output) {
        // The layer (and style) is named after the GeoPackage's file, or the database table.
        const std::string& table = gpkg_output->layer();  // SCHEMA.NAME
        const std::string named = gpkg_output->database() ? table.substr(table.find('.') + 1) + ".gpkg" : args.gpkg;
        io::write_map_gpkg(*gpkg_output, regions,
                           map_gpkg_layers(named, args.values, panels, plan, look, {args.id, args.name, &names, &carried}));
    }
    if (report_output)
        write_report(*report_output, render::to_json(map_report(args, input, regions.size(), panels, spec, warnings), plan));
    outputs.commit();
    if (!args.quiet) {
        for (const auto& w : warnings) std::cerr << "regio: warning: " << w << '\n';
        std::string what = fmt::format("{} regions", regions.size());
        if (n_panels > 1 || !args.values.facet.empty()) what += fmt::format(" x {} panels ({})", n_panels, args.values.facet);
        if (drawing.in_insets) what += fmt::format(" ({} in insets)", drawing.in_insets);
        const std::string confidential = plan.confidential ? fmt::format(", {} confidential", plan.confidential) : std::string();
        std::cerr << fmt::format("map: {}, {} {} ({}), {} without data{}; {} bytes of SVG\n", what, plan.classes.k(),
                                 kind == MapKind::Categorical ? "categories" : "classes",
                                 kind == MapKind::Categorical ? "categorical" : classify::method_name(spec.method), plan.nodata,
                                 confidential, drawing.svg.size());
        if (drawing.topology_restored > 0)
            std::cerr << fmt::format("simplify: {} points kept beyond the tolerance so that no border crosses another\n",
                                     drawing.topology_restored);
    }
    return 0;
}

}  // namespace

void add_map(CLI::App& app, Action& action) {
    auto args = std::make_shared<MapArgs>();
    CLI::App* cmd = app.add_subcommand("map", "Draw a choropleth as SVG (and a GeoPackage that opens styled in QGIS)");
    cmd->add_option("--layer", args->layer, "Regions: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")->type_name(kInputLayer)->required();
    cmd->add_option("--layer-name", args->layer_name, "Layer (table) of --layer, when the source has several");
    cmd->add_option("--id", args->id, "Region id field")->required();
    cmd->add_option("--field", args->values.field, "Value to map: a field of the layer, or a column of --data")->required();
    cmd->add_option("--name", args->name, "Field with region names (tooltips)");
    add_region_fix_options(*cmd, args->fixes);
    cmd->add_option("--data", args->values.data, "Join a CSV table onto the regions (- reads standard input)")->type_name(kInputFile);
    cmd->add_option("--data-id", args->values.data_id, "Id column of --data");
    cmd->add_option("--minus", args->values.minus, "Subtract the same field of this table (joined like --data): map a change")->type_name(kInputFile);
    cmd->add_option("--where", args->values.where, "Only --data rows where COLUMN=VALUE (comma-separated or repeated; for tidy tables)")
        ->delimiter(',');
    cmd->add_option("--flag-column", args->values.flag_column,
                    "Flag column of --data (default: 'flag' if present); suppressed rows are drawn as confidential");
    cmd->add_option("--facet", args->values.facet, "Small multiples: one map per value of this --data column, one shared legend");
    cmd->add_option("--style", args->style, "A shipped style by name (regio styles lists them) or a style file, e.g. styles/rate.toml (options below override it)")->type_name(kInputFile);
    cmd->add_flag("--categorical", args->categorical,
                  "Each value is a class of its own (codes such as DEGURBA classes), not a number to class; colours from "
                  "the style's categories (e.g. --style degurba) or a qualitative palette");
    cmd->add_option("--label-field", args->label_field,
                    "With --categorical: labels of the categories, a column of --data or a field of --layer");
    cmd->add_option("--classes", args->classes, "Number of classes (default 5)");
    cmd->add_option("--method", args->method, "quantile, equal, fisher-jenks, std-mean, head-tail, manual or natural-breaks");
    cmd->add_option("--breaks", args->breaks, "Fixed upper bounds b1,b2,... (method manual)")->delimiter(',');
    cmd->add_option("--palette", args->palette, "Colour scheme (default YlOrRd; RdBu with --center)");
    cmd->add_flag("--reverse", args->reverse, "Reverse the palette");
    cmd->add_option("--center", args->center, "Diverging palette centred on this value (0 for gaps)");
    cmd->add_option("--title", args->title, "Title");
    cmd->add_option("--subtitle", args->subtitle, "Subtitle");
    cmd->add_option("--source", args->source, "Source note");
    cmd->add_option("--legend-title", args->legend_title, "Legend title (default: the style's, the label column of --data when the rows share one, or the field)");
    cmd->add_option("--labels", args->labels, "Legend labels: interval ([1.5, 10], (10, 20]), range (1.5-10) or threshold (up to 10, 10-20, over 40)");
    cmd->add_option("--decimals", args->decimals, "Round the legend's bounds to at most this many decimals (default: as few as show them exactly)")
        ->check(CLI::Range(0, 6));
    cmd->add_option("--unit", args->unit, "Unit after every legend label, e.g. %");
    cmd->add_option("--width", args->width, "Width in pixels (default 900)")->check(CLI::Range(100, 20000));
    cmd->add_option("--height", args->height, "Height in pixels (default 700)")->check(CLI::Range(100, 20000));
    cmd->add_option("--crs", args->crs, "Draw in this CRS (e.g. EPSG:3035)");
    cmd->add_option("--extent", args->extent, "Frame the map on xmin,ymin,xmax,ymax in its CRS (overrides the style's extent)")
        ->delimiter(',');
    cmd->add_option("--simplify", args->simplify,
                    "Simplify for display, in pixels (default 0.25: nothing visible changes); shared borders stay shared")
        ->check(CLI::Range(0.0, 1000.0));
    cmd->add_flag("--no-simplify", args->no_simplify, "Draw every vertex of the regions (no default simplification)")
        ->excludes("--simplify");
    cmd->add_option("--outline", args->outline.layer, "Draw the boundaries of FILE[:LAYER] above the map (e.g. districts)")
        ->type_name(kInputLayer);
    cmd->add_option("--outline-layer", args->outline.layer_name, "Layer (table) of --outline, when the source has several");
    cmd->add_option("--outline-label", args->outline.label, "Field of --outline whose values are drawn as labels");
    cmd->add_option("--outline-id", args->outline.id, "Id field of --outline (default: --outline-label)");
    add_text_options(*cmd, args->text);
    cmd->add_option("-o,--output", args->output, "The SVG to write")->type_name(kOutputFile)->required();
    cmd->add_option("--gpkg", args->gpkg,
                    "Also write a GeoPackage with value, class, fill, the --name field, the data's counts and a QGIS style, "
                    "or that layer into a database (PG:... with --gpkg-layer; its style into the database's layer_styles table)")
        ->type_name(kOutputFile);
    cmd->add_option("--gpkg-layer", args->gpkg_layer,
                    "Table of a database --gpkg: [SCHEMA.]NAME, written with its style in one transaction");
    cmd->add_option("--report", args->report,
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
