// regio map: a choropleth as SVG, and the same classes as a styled GeoPackage.
#include "commands.hpp"

#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/map_gpkg.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/render/qgis_style.hpp"
#include "regio/render/simplify.hpp"
#include "regio/style/map_style.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <unordered_map>

namespace regio::cli {
namespace {

struct MapArgs {
    std::string layer, id, field, name;
    std::string data, data_id;
    std::vector<std::string> where;  // COL=VALUE filters on --data rows (tidy tables)
    std::string minus;               // a second table: map --data minus --minus (a change between years)
    std::string style;
    std::size_t classes = 0;
    std::string method;
    std::vector<double> breaks;
    std::string palette;
    bool reverse = false;
    std::optional<double> center;
    std::string title, subtitle, source, legend_title;
    int width = 0, height = 0;
    std::string crs;
    std::vector<double> extent;
    double simplify = 0;
    std::string output, gpkg;
    bool overwrite = false, quiet = false;
};

// Values per region: from the layer's field, or joined from a table by id.
std::vector<double> region_values(const MapArgs& args, const geometry::RegionSet& regions, std::vector<std::string>& warnings) {
    const io::InputSpec input = io::InputSpec::parse(args.layer);
    if (args.data.empty()) {
        if (!args.minus.empty()) throw UsageError("--minus needs --data: both tables are joined the same way");
        return io::read_numeric_field(input, args.field);
    }
    if (args.data_id.empty()) throw UsageError("--data needs --data-id naming its id column");
    const io::CsvTable table = io::read_csv_table(args.data);
    const std::size_t id_col = table.column(args.data_id), value_col = table.column(args.field);
    // --where picks the rows of a tidy table (e.g. indicator=employment_rate).
    std::vector<std::pair<std::size_t, std::string>> filters;
    for (const auto& w : args.where) {
        const auto eq = w.find('=');
        if (eq == std::string::npos || eq == 0) throw UsageError("--where takes COLUMN=VALUE, got '" + w + "'");
        filters.emplace_back(table.column(w.substr(0, eq)), w.substr(eq + 1));
    }
    std::unordered_map<std::string, double> by_id;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (!std::all_of(filters.begin(), filters.end(), [&](const auto& f) { return table.rows[r][f.first] == f.second; }))
            continue;
        else if (!by_id.emplace(table.rows[r][id_col], table.number(r, value_col)).second)
            throw DataError("duplicate id '" + table.rows[r][id_col] + "'", Where{args.data, {}, table.lines[r], {}, args.data_id});
    std::vector<double> values;
    std::size_t unmatched = 0;
    for (const auto& id : regions.ids) {
        const auto it = by_id.find(id);
        if (it == by_id.end()) ++unmatched;
        values.push_back(it == by_id.end() ? std::numeric_limits<double>::quiet_NaN() : it->second);
        if (it != by_id.end()) by_id.erase(it);
    }
    if (unmatched)
        warnings.push_back(fmt::format("{} region{} no row in {} (shown as no data)", unmatched, unmatched == 1 ? " has" : "s have", args.data));
    if (!by_id.empty())
        warnings.push_back(fmt::format("{} row{} of {} match{} no region", by_id.size(), by_id.size() == 1 ? "" : "s", args.data,
                                       by_id.size() == 1 ? "es" : ""));
    return values;
}

int run(MapArgs args) {
    // A style file gives defaults; options given on the command line win.
    style::MapStyleFile st;
    if (!args.style.empty()) st = style::load_map_style(args.style);
    render::ClassSpec spec;
    spec.method = classify::parse_method(!args.method.empty() ? args.method : st.method.value_or(args.breaks.empty() && st.breaks.empty() ? "quantile" : "manual"));
    spec.k = args.classes ? args.classes : st.classes.value_or(5);
    if (spec.method == classify::Method::Manual) spec.options.manual_breaks = !args.breaks.empty() ? args.breaks : st.breaks;
    spec.palette = !args.palette.empty() ? args.palette : st.palette.value_or("");
    spec.reverse = args.reverse || st.reverse.value_or(false);
    spec.center = args.center ? args.center : st.center;

    const io::InputSpec input = io::InputSpec::parse(args.layer);
    const std::vector<std::string> inputs{input.path, args.data, args.style};
    if (io::extension_of(args.output) != "svg") throw UsageError("the map is written as SVG: name it .svg");
    { io::OutputFile probe(args.output, args.overwrite ? io::Overwrite::Yes : io::Overwrite::No, inputs); }
    if (!args.gpkg.empty()) {
        if (io::extension_of(args.gpkg) != "gpkg") throw UsageError("--gpkg must name a .gpkg file");
        if (args.field == "class" || args.field == "fill" || args.field == args.id)
            throw UsageError("--gpkg writes columns '" + args.id + "', 'class' and 'fill': the value column '" + args.field +
                             "' would clash with them");
        io::OutputFile probe(args.gpkg, args.overwrite ? io::Overwrite::Yes : io::Overwrite::No, inputs);
    }

    std::vector<std::string> warnings;
    geometry::RegionSet regions = io::read_regions(input, {args.id, {}}, warnings);
    std::vector<double> values = region_values(args, regions, warnings);
    if (!args.minus.empty()) {
        // The change between two tables of the same shape (e.g. a rate this
        // year minus last year's, carried onto this year's units).
        MapArgs other = args;
        other.data = args.minus;
        const std::vector<double> before = region_values(other, regions, warnings);
        for (std::size_t r = 0; r < values.size(); ++r) values[r] -= before[r];  // NaN stays NaN: no data
    }
    std::vector<std::string> names = args.name.empty() ? std::vector<std::string>(regions.size()) : io::read_text_field(input, args.name);
    if (!args.crs.empty()) io::transform_regions(regions, io::Crs::from_wkt(regions.crs_wkt), io::Crs::from_user(args.crs, "--crs"));
    const io::Crs map_crs = io::Crs::from_wkt(regions.crs_wkt);

    render::ChoroplethPlan plan;
    try {
        plan = render::plan_choropleth(values, spec);
    } catch (const UsageError& e) {
        // Ties can leave fewer classes than asked for; say so, not just that
        // the palette lacks that size.
        const auto used = classify::classify(values, spec.method, spec.k, spec.options).k();
        if (used != spec.k)
            throw UsageError(fmt::format("the data give {} classes, not {} (ties or duplicate bounds): {}", used, spec.k, e.message()));
        throw;
    }
    for (const auto& w : plan.classes.warnings) warnings.push_back(w);

    render::MapSpec map;
    map.width = args.width ? args.width : st.width.value_or(900);
    map.height = args.height ? args.height : st.height.value_or(700);
    map.metres = !map_crs.is_geographic();
    if (!args.extent.empty()) {
        if (args.extent.size() != 4 || args.extent[0] >= args.extent[2] || args.extent[1] >= args.extent[3])
            throw UsageError("--extent takes xmin,ymin,xmax,ymax in the map's CRS");
        map.extent = geometry::Box{args.extent[0], args.extent[1], args.extent[2], args.extent[3]};
    }
    render::MapText text{args.title, args.subtitle, !args.source.empty() ? args.source : st.source.value_or(""),
                         !args.legend_title.empty() ? args.legend_title : st.legend_title.value_or(args.field),
                         fmt::format("{}, k = {}", classify::method_name(spec.method), plan.classes.k())};
    render::MapStyle look;
    if (st.nodata_color) look.nodata_color = *st.nodata_color;
    if (st.nodata_label) look.nodata_label = *st.nodata_label;
    if (st.border_color) look.border_color = *st.border_color;
    if (st.border_width) look.border_width = *st.border_width;
    if (st.font) look.font = *st.font;

    // Display simplification keeps shared borders shared.
    std::vector<geometry::MultiPolygon> simplified;
    if (args.simplify > 0) {
        geometry::Box extent;
        if (map.extent) extent = *map.extent;
        else
            for (const auto& s : regions.shapes) extent.expand(geometry::bounds(s));
        const double px_per_unit = std::min((map.width - 260.0) / std::max(extent.width(), 1e-9),
                                            (map.height - 120.0) / std::max(extent.height(), 1e-9));
        std::vector<const geometry::MultiPolygon*> shapes;
        for (const auto& s : regions.shapes) shapes.push_back(&s);
        simplified = render::simplify_shared(shapes, args.simplify / px_per_unit);
    }
    std::vector<render::MapRegion> drawn;
    for (std::size_t r = 0; r < regions.size(); ++r)
        drawn.push_back({regions.ids[r], names[r], simplified.empty() ? &regions.shapes[r] : &simplified[r],
                         std::isfinite(values[r]) ? std::optional<double>(values[r]) : std::nullopt, plan.region_class[r]});
    std::vector<render::LegendClass> legend;
    for (std::size_t k = 0; k < plan.colors.size(); ++k) legend.push_back({plan.labels[k], plan.colors[k], plan.classes.counts[k]});
    const std::string svg = render::choropleth_svg(drawn, legend, plan.nodata, look, text, map);

    {
        io::OutputFile file(args.output, args.overwrite ? io::Overwrite::Yes : io::Overwrite::No, inputs);
        std::ofstream out(file.temp_path(), std::ios::binary);
        out << svg;
        out.close();
        if (!out) throw IoError("write failed", Where{args.output});
        file.commit();
    }
    if (!args.gpkg.empty()) {
        io::MapLayer layer;
        layer.name = std::filesystem::path(args.gpkg).stem().string();
        layer.value_field = args.field;
        layer.values = values;
        std::vector<render::StyleClass> style_classes;
        for (std::size_t k = 0; k < plan.colors.size(); ++k) style_classes.push_back({static_cast<int>(k + 1), plan.labels[k], plan.colors[k]});
        for (std::size_t r = 0; r < regions.size(); ++r) {
            layer.classes.push_back(plan.region_class[r] + 1);
            layer.fills.push_back(plan.region_class[r] >= 0 ? plan.colors[static_cast<std::size_t>(plan.region_class[r])] : look.nodata_color);
        }
        layer.qml = render::qml_style(style_classes, look.nodata_color, look.nodata_label, look.border_color);
        layer.sld = render::sld_style(layer.name, style_classes, look.nodata_color, look.nodata_label, look.border_color);
        io::write_map_gpkg(args.gpkg, regions, layer, args.overwrite ? io::Overwrite::Yes : io::Overwrite::No, inputs);
    }
    if (!args.quiet) {
        for (const auto& w : warnings) std::cerr << "regio: warning: " << w << '\n';
        std::cerr << fmt::format("map: {} regions, {} classes ({}), {} without data; {} bytes of SVG\n", regions.size(),
                                 plan.classes.k(), classify::method_name(spec.method), plan.nodata, svg.size());
    }
    return 0;
}

}  // namespace

void add_map(CLI::App& app, Action& action) {
    auto args = std::make_shared<MapArgs>();
    CLI::App* cmd = app.add_subcommand("map", "Draw a choropleth as SVG (and a GeoPackage that opens styled in QGIS)");
    cmd->add_option("--layer", args->layer, "Regions: FILE[:LAYER]")->required();
    cmd->add_option("--id", args->id, "Region id field")->required();
    cmd->add_option("--field", args->field, "Value to map: a field of the layer, or a column of --data")->required();
    cmd->add_option("--name", args->name, "Field with region names (tooltips)");
    cmd->add_option("--data", args->data, "Join a CSV table onto the regions");
    cmd->add_option("--data-id", args->data_id, "Id column of --data");
    cmd->add_option("--minus", args->minus, "Subtract the same field of this table (joined like --data): map a change");
    cmd->add_option("--where", args->where, "Only --data rows where COLUMN=VALUE (comma-separated or repeated; for tidy tables)")
        ->delimiter(',');
    cmd->add_option("--style", args->style, "A style file, e.g. styles/rate.toml (options below override it)");
    cmd->add_option("--classes", args->classes, "Number of classes (default 5)");
    cmd->add_option("--method", args->method, "quantile, equal, fisher-jenks, std-mean, head-tail, manual or natural-breaks");
    cmd->add_option("--breaks", args->breaks, "Fixed upper bounds b1,b2,... (method manual)")->delimiter(',');
    cmd->add_option("--palette", args->palette, "Colour scheme (default YlOrRd; RdBu with --center)");
    cmd->add_flag("--reverse", args->reverse, "Reverse the palette");
    cmd->add_option("--center", args->center, "Diverging palette centred on this value (0 for gaps)");
    cmd->add_option("--title", args->title, "Title");
    cmd->add_option("--subtitle", args->subtitle, "Subtitle");
    cmd->add_option("--source", args->source, "Source note");
    cmd->add_option("--legend-title", args->legend_title, "Legend title (default: the field)");
    cmd->add_option("--width", args->width, "Width in pixels (default 900)")->check(CLI::Range(100, 20000));
    cmd->add_option("--height", args->height, "Height in pixels (default 700)")->check(CLI::Range(100, 20000));
    cmd->add_option("--crs", args->crs, "Draw in this CRS (e.g. EPSG:3035)");
    cmd->add_option("--extent", args->extent, "Frame the map on xmin,ymin,xmax,ymax (e.g. to leave out overseas regions)")
        ->delimiter(',');
    cmd->add_option("--simplify", args->simplify, "Simplify for display, in pixels; shared borders stay shared")
        ->check(CLI::Range(0.0, 1000.0));
    cmd->add_option("-o,--output", args->output, "The SVG to write")->required();
    cmd->add_option("--gpkg", args->gpkg, "Also write a GeoPackage with value, class, fill and a QGIS style");
    cmd->add_flag("--overwrite", args->overwrite, "Replace existing outputs");
    cmd->add_flag("-q,--quiet", args->quiet, "No summary on stderr");
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
