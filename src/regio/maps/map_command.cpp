#include "regio/maps/map_command.hpp"

#include "regio/io/text_input_options.hpp"
#include "regio/maps/map_operation.hpp"
#include "regio/regions/region_options.hpp"

#include <memory>
#include <optional>

namespace regio::maps {
namespace {

constexpr const char* kMapFooter = R"(The GeoPackage holds per region: the id, the value, class, fill,
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
    --title "Degree of Urbanisation" -o out/degurba.svg)";

class MapCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        options
            .add("--layer", m_request.regions.regions,
                 "Regions: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
            .value_name(options::kInputLayer)
            .required();
        options.add("--layer-name", m_request.regions.regions_layer,
                    "Layer (table) of --layer, when the source has several");
        options.add("--id", m_request.regions.id, "Region id field").required()
            .names_columns_of("layer");
        options.add("--field", m_request.values.field, "Value to map: a field of the layer, or a column of --data")
            .required()
            .names_columns_of("data")
            .names_columns_of("layer", options::NameForm::Single, "data");
        options.add("--name", m_request.name, "Field with region names (tooltips)")
            .names_columns_of("layer");
        regions::declare_region_fix_options(options, m_request.regions);
        options.add("--data", m_request.values.data, "Join a CSV table onto the regions (- reads standard input)")
            .value_name(options::kInputFile);
        options.add("--data-id", m_request.values.data_id, "Id column of --data")
            .names_columns_of("data");
        options
            .add("--minus", m_request.values.minus,
                 "Subtract the same field of this table (joined like --data): map a change")
            .value_name(options::kInputFile);
        options
            .add("--where", m_request.values.where,
                 "Only --data rows where COLUMN=VALUE (comma-separated or repeated; for tidy tables)")
            .delimiter(',');
        options.add("--flag-column", m_request.values.flag_column,
                    "Flag column of --data (default: 'flag' if present); suppressed rows are drawn as confidential");
        options.add("--facet", m_request.values.facet,
                    "Small multiples: one map per value of this --data column, one shared legend")
            .names_columns_of("data");
        options
            .add("--style", m_request.style,
                 "A shipped style by name (regio styles lists them) or a style file, e.g. styles/rate.toml (options "
                 "below override it)")
            .value_name(options::kInputFile);
        options.flag(
            "--categorical", m_categorical,
            "Each value is a class of its own (codes such as DEGURBA classes), not a number to class; colours from "
            "the style's categories (e.g. --style degurba) or a qualitative palette");
        options.add("--label-field", m_request.label_field,
                    "With --categorical: labels of the categories, a column of --data or a field of --layer");
        options.add("--classes", m_request.classes, "Number of classes (default 5)");
        options.add("--method", m_request.method,
                    "quantile, equal, fisher-jenks, std-mean, head-tail, manual or natural-breaks");
        options.add("--breaks", m_request.breaks, "Fixed upper bounds b1,b2,... (method manual)").delimiter(',');
        options.add("--palette", m_request.palette, "Colour scheme (default YlOrRd; RdBu with --center)");
        options.flag("--reverse", m_reverse, "Reverse the palette");
        options.add("--center", m_request.center, "Diverging palette centred on this value (0 for gaps)");
        options.add("--title", m_request.title, "Title");
        options.add("--subtitle", m_request.subtitle, "Subtitle");
        options.add("--source", m_request.source, "Source note");
        options.add(
            "--legend-title", m_request.legend_title,
            "Legend title (default: the style's, the label column of --data when the rows share one, or the field)");
        options.add(
            "--labels", m_request.labels,
            "Legend labels: interval ([1.5, 10], (10, 20]), range (1.5-10) or threshold (up to 10, 10-20, over 40)");
        options
            .add("--decimals", m_request.decimals,
                 "Round the legend's bounds to at most this many decimals (default: as few as show them exactly)")
            .range(0, 6);
        options.add("--unit", m_request.unit, "Unit after every legend label, e.g. %");
        options.add("--width", m_request.width, "Width in pixels (default 900)").range(100, 20000);
        options.add("--height", m_request.height, "Height in pixels (default 700)").range(100, 20000);
        options.add("--crs", m_request.crs, "Draw in this CRS (e.g. EPSG:3035)");
        options
            .add("--extent", m_request.extent,
                 "Frame the map on xmin,ymin,xmax,ymax in its CRS (overrides the style's extent)")
            .delimiter(',');
        options
            .add("--simplify", m_simplify,
                 "Simplify for display, in pixels (default 0.25: nothing visible changes); shared borders stay shared")
            .range(0.0, 1000.0);
        options.flag("--no-simplify", m_no_simplify, "Draw every vertex of the regions (no default simplification)")
            .excludes("--simplify");
        options
            .add("--outline", m_request.outline.layer,
                 "Draw the boundaries of FILE[:LAYER] above the map (e.g. districts)")
            .value_name(options::kInputLayer);
        options.add("--outline-layer", m_request.outline.layer_name,
                    "Layer (table) of --outline, when the source has several");
        options.add("--outline-label", m_request.outline.label, "Field of --outline whose values are drawn as labels")
            .names_columns_of("outline");
        options.add("--outline-id", m_request.outline.id, "Id field of --outline (default: --outline-label)")
            .names_columns_of("outline");
        io::declare_text_options(options, m_text);
        options.add("-o,--output", m_request.output, "The SVG to write").value_name(options::kOutputFile).required();
        options
            .add("--gpkg", m_request.gpkg,
                 "Also write a GeoPackage with value, class, fill, the --name field, the data's counts and a QGIS "
                 "style, "
                 "or that layer into a database (PG:... with --gpkg-layer; its style into the database's layer_styles "
                 "table)")
            .value_name(options::kOutputFile);
        options.add("--gpkg-layer", m_request.gpkg_layer,
                    "Table of a database --gpkg: [SCHEMA.]NAME, written with its style in one transaction");
        options
            .add("--report", m_request.report,
                 "Write a JSON report: regions, classes with breaks and counts, unmatched rows and regions, output "
                 "files")
            .value_name(options::kOutputFile);
        options.flag("--overwrite", m_overwrite, "Replace existing outputs");
        options.flag("-q,--quiet", m_quiet, "No summary on stderr");
    }

    // The warnings and the summary are shown once the progress has ended.
    options::CommandOutcome run(const ProgressRange& progress, const WarningFn&) override {
        MapRequest request = m_request;
        request.kind = m_categorical ? MapKind::Categorical : MapKind::Classed;
        request.palette_order = m_reverse ? PaletteOrder::Reversed : PaletteOrder::AsDefined;
        request.simplify_px = m_no_simplify ? 0 : m_simplify.value_or(kDefaultSimplifyPx);
        request.overwrite = m_overwrite ? io::Overwrite::Yes : io::Overwrite::No;
        request.values.text = m_text.options();
        MapResult result = maps::run(request, progress);
        std::string summary = result.summary() + '\n';  // a line without its end, printed with one
        return {std::move(result.warnings), std::move(summary)};
    }
    [[nodiscard]] bool quiet() const override { return m_quiet; }

private:
    // The request takes what needs no conversion.
    MapRequest m_request;
    bool m_categorical = false;  // --categorical (a style with [[categories]] implies it)
    bool m_reverse = false;
    std::optional<double> m_simplify;  // default: kDefaultSimplifyPx
    bool m_no_simplify = false;
    bool m_overwrite = false, m_quiet = false;
    io::TextInputArgs m_text;
};

}  // namespace

options::CommandEntry map_command() {
    return options::make_entry<MapCommand>(
        {"map"}, "Draw a choropleth as SVG (and a GeoPackage that opens styled in QGIS)", kMapFooter);
}

}  // namespace regio::maps
