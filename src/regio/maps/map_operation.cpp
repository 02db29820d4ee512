#include "regio/maps/map_operation.hpp"

#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/map_gpkg.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/maps/map_gpkg_layers.hpp"
#include "regio/maps/map_drawing.hpp"
#include "regio/maps/map_look.hpp"
#include "regio/maps/map_outputs.hpp"
#include "regio/render/map_advice.hpp"

namespace regio::maps {
namespace {

render::MapReport map_report(const MapRequest& request, const io::InputSpec& input, std::size_t region_count,
                             const render::PanelValues& panels, const render::ClassSpec& spec, const std::vector<std::string>& warnings) {
    render::MapReport report;
    report.regions_source = input.display();
    report.region_count = region_count;
    report.data_source = request.values.data;
    report.field = request.values.field;
    report.panels = panels.facets;
    report.regions_without_row = panels.missing;
    report.rows_without_region = panels.unmatched;
    report.method = classify::method_name(spec.method);
    report.simplify_px = request.simplify_px;
    report.outputs.emplace_back("output", request.output);
    if (!request.gpkg.empty()) report.outputs.emplace_back("gpkg", request.gpkg);
    report.warnings = warnings;
    return report;
}

}  // namespace

MapResult run(const MapRequest& request, const ProgressRange& progress, const WarningFn& warn) {
    MapLook look = resolve_look(request);
    const style::MapStyleFile& st = look.style;
    render::ClassSpec& spec = look.spec;
    const MapValueSource& values = request.values;
    io::InputSpec input = request.regions.input();
    input.encoding = values.text.encoding;
    // Data errors of the classification name the values' file and field.
    spec.options.source = values.data.empty() ? Where{input.display_path(), input.layer, {}, {}, values.field}
                                              : Where{values.data, {}, {}, {}, values.field};
    const std::vector<io::InputSpec> inputs{input, io::InputSpec{values.data}, io::InputSpec{values.minus}, io::InputSpec{look.style_path},
                                            io::InputSpec::parse(request.outline.layer, request.outline.layer_name)};
    check_svg_name(request);
    io::OutputPlan plan = io::OutputPlan::reading(request.overwrite, inputs);
    const MapOutputs outputs = plan_map_outputs(request, plan);
    const std::vector<double>& extent = request.extent;
    if (!extent.empty() && (extent.size() != 4 || extent[0] >= extent[2] || extent[1] >= extent[3]))
        throw UsageError("--extent takes xmin,ymin,xmax,ymax in the map's CRS");

    progress(0.0, "reading regions");
    std::vector<std::string> warnings;
    // Names and the values to map (without --data) come in the same pass as
    // the shapes: a GeoJSON layer is parsed whole at every opening.
    io::RegionReadOptions read_options{request.regions.id, {}, {}, request.regions.fixes(), request.name};
    if (!request.name.empty()) read_options.text_fields.push_back(request.name);
    if (values.data.empty()) read_options.numeric_fields.push_back(values.field);
    const MapKind kind = request.kind == MapKind::Categorical || !st.categories.empty() ? MapKind::Categorical : MapKind::Classed;
    if (!request.label_field.empty() && kind != MapKind::Categorical) throw UsageError("--label-field labels categories: add --categorical");
    if (kind == MapKind::Categorical && (request.classes || !request.method.empty() || !request.breaks.empty() || request.center))
        throw UsageError("a categorical map has a class per value: --classes, --method, --breaks and --center do not apply");
    const CategoryLabels category_labels(request.label_field, values, input.display_path());
    const std::string& label_field = category_labels.region_field();
    if (!label_field.empty() && label_field != request.name) read_options.text_fields.push_back(label_field);
    io::RegionFields fields;
    geometry::RegionSet regions = io::read_regions(input, read_options, warnings, &fields);
    std::string definition_label;
    CarriedColumns carried;
    const render::PanelValues panels = read_map_values(fields.numbers[values.field], values, regions.ids, warnings, &definition_label,
                                                       outputs.gpkg ? &carried : nullptr);
    std::vector<std::string> names = request.name.empty() ? std::vector<std::string>(regions.size()) : fields.text[request.name];
    if (!request.crs.empty()) io::transform_regions(regions, io::Crs::from_wkt(regions.crs_wkt), io::Crs::from_user(request.crs, "--crs"));
    const io::Crs map_crs = io::Crs::from_wkt(regions.crs_wkt);
    OutlineSource outline = request.outline;
    outline.encoding = values.text.encoding;
    const Outlines outlines = read_outlines(outline, map_crs, warnings);

    progress(0.4, "classifying");
    // One classification over all panels: one legend, counts over all of them.
    MapResult result;
    result.plan = kind == MapKind::Categorical
                      ? render::plan_categories(
                            panels.values,
                            map_category_spec(st, look.style_path, request.palette,
                                              category_labels.labels(panels.values, label_field.empty() ? std::vector<std::string>{} : fields.text[label_field]),
                                              spec.options.source),
                            panels.confidential)
                      : render::plan_panels(panels.values, spec, panels.confidential);
    const render::ChoroplethPlan& classes = result.plan;
    for (const auto& w : classes.classes.warnings) warnings.push_back(w);
    if (kind == MapKind::Classed) {
        std::vector<double> all;
        for (const auto& panel : panels.values) all.insert(all.end(), panel.begin(), panel.end());
        for (auto& w : render::map_advice(all, spec, classes.classes.k(), values.field)) warnings.push_back(std::move(w));
    }

    progress(0.5, "drawing");
    const render::MapDrawing drawing =
        draw_choropleth(request, look, kind, {regions, names, panels, classes, outlines, !map_crs.is_geographic(), definition_label}, warnings);
    const std::size_t n_panels = panels.values.size();

    progress(0.8, "writing");
    io::write_output_text(*outputs.svg, drawing.svg);
    if (outputs.gpkg) {
        // The layer (and style) is named after the GeoPackage's file, or the database table.
        const std::string& table = outputs.gpkg->layer();  // SCHEMA.NAME
        const std::string named = outputs.gpkg->database() ? table.substr(table.find('.') + 1) + ".gpkg" : request.gpkg;
        io::write_map_gpkg(*outputs.gpkg, regions,
                           map_gpkg_layers(named, values, panels, classes, look.look, {request.regions.id, request.name, &names, &carried}));
    }
    result.report = map_report(request, input, regions.size(), panels, spec, warnings);
    result.kind = kind;
    result.method = classify::method_name(spec.method);
    result.panels = n_panels;
    result.facet = values.facet;
    result.in_insets = drawing.in_insets;
    result.topology_restored = drawing.topology_restored;
    result.svg_bytes = drawing.svg.size();
    result.warnings = std::move(warnings);
    // Sources are recorded without their passwords (issue #16).
    if (outputs.report) io::write_output_text(*outputs.report, io::redact_secrets(result.to_json().dump(2)) + '\n');
    plan.commit();
    progress(1.0, "done");
    if (warn)
        for (const auto& w : result.warnings) warn(w);
    return result;
}

}  // namespace regio::maps
