#include "regio/atlas/region_maps.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/geometry/adjacency.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/facets.hpp"
#include "regio/render/simplify.hpp"
#include "regio/render/svg_path.hpp"
#include "regio/render/svg_text.hpp"
#include "regio/render/viewport.hpp"
#include "regio/style/map_style.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <cmath>
#include <limits>
#include <set>

namespace regio::atlas {

RegionMaps load_region_maps(const MapStep& map, int width, double simplify_px) {
    if (map.layer.empty() || map.id.empty())
        throw DataError("map step " + map.step + " names no --layer and --id", Where{}, "the atlas draws the regions of the run's map steps");
    const io::InputSpec layer = io::InputSpec::parse(map.layer);
    if (!std::filesystem::exists(layer.path))
        throw IoError("the regions of map step " + map.step + " are not here", Where{layer.path},
                      "the manifest's paths are relative to the directory the pipeline ran in: run regio atlas from there");
    RegionMaps out;
    out.source = map.layer;
    io::RegionReadOptions options{map.id, {}, {}};
    if (!map.name.empty()) options.text_fields.push_back(map.name);
    io::RegionFields fields;
    const geometry::RegionSet regions = io::read_regions(layer, options, out.warnings, &fields);
    out.ids = regions.ids;
    out.names = map.name.empty() ? regions.ids : fields.text[map.name];
    for (std::size_t i = 0; i < out.names.size(); ++i)
        if (out.names[i].empty()) out.names[i] = out.ids[i];

    geometry::Box extent;
    for (const auto& shape : regions.shapes)
        if (!shape.empty()) extent.expand(geometry::bounds(shape));
    if (extent.empty()) throw DataError("no region has a geometry", Where{map.layer});
    // The frame keeps the regions' aspect ratio, within sensible page limits.
    const double aspect = extent.width() > 0 ? extent.height() / extent.width() : 1.0;
    out.width = width;
    out.height = static_cast<int>(std::clamp(std::lround(width * aspect), 200L, 900L));
    const render::Viewport view(extent, render::Frame{4, 4, width - 8.0, out.height - 8.0});
    std::vector<const geometry::MultiPolygon*> shapes;
    for (const auto& s : regions.shapes) shapes.push_back(&s);
    const std::vector<geometry::MultiPolygon> simple = render::simplify_shared(shapes, simplify_px / view.scale());
    for (std::size_t i = 0; i < simple.size(); ++i) {
        out.paths.push_back(render::path_data(simple[i], view));
        geometry::Box px;
        if (!regions.shapes[i].empty()) {
            const geometry::Box b = geometry::bounds(regions.shapes[i]);
            px.expand(geometry::Point{view.px(b.xmin), view.py(b.ymax)});
            px.expand(geometry::Point{view.px(b.xmax), view.py(b.ymin)});
        }
        out.boxes.push_back(px);
    }
    // Neighbours share a border of positive length (rook), tolerant of
    // digitising noise (geometry/adjacency.hpp).
    out.neighbours = geometry::build_adjacency(regions, geometry::AdjacencyOptions{});
    return out;
}

std::string SeriesClasses::fill(std::size_t region) const {
    const int k = region_class[region];
    if (k == render::kConfidentialClass) return "url(#cf)";
    if (k < 0) return nodata_color;
    return colors[static_cast<std::size_t>(k)];
}

SeriesClasses classify_series(const Series& series, const std::vector<std::string>& ids, const MapStep* style) {
    SeriesClasses out;
    std::vector<double> values(ids.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<char> confidential(ids.size(), 0);
    std::set<double> distinct;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto it = series.cells.find(ids[i]);
        if (it == series.cells.end()) continue;
        if (it->second.value) {
            values[i] = *it->second.value;
            distinct.insert(values[i]);
        }
        if (render::is_confidential_flag(it->second.flag)) confidential[i] = 1;
    }
    render::ClassSpec spec;
    if (series.is_gap()) spec.center = 0.0;
    if (style && !style->style.empty()) {
        const style::MapStyleFile st = style::load_map_style(style->style);
        if (st.method) spec.method = classify::parse_method(*st.method);
        if (st.classes) spec.k = *st.classes;
        spec.options.manual_breaks = st.breaks;
        if (!st.breaks.empty() && !st.method) spec.method = classify::Method::Manual;
        if (st.palette) spec.palette = *st.palette;
        spec.reverse = st.reverse.value_or(false);
        if (st.center) spec.center = st.center;
        if (st.nodata_color) out.nodata_color = *st.nodata_color;
        if (st.confidential_color) out.confidential_color = *st.confidential_color;
    }
    if (style && !style->breaks.empty()) {
        spec.method = classify::Method::Manual;
        spec.options.manual_breaks = style->breaks;
    }
    out.region_class.assign(ids.size(), render::kNoDataClass);
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (confidential[i]) {
            out.region_class[i] = render::kConfidentialClass;
            ++out.confidential;
        } else if (!std::isfinite(values[i])) {
            ++out.nodata;
        }
    if (distinct.empty()) return out;  // nothing published: every region is no data or confidential
    if (spec.method != classify::Method::Manual) spec.k = std::min(spec.k, distinct.size());
    render::ChoroplethPlan plan;
    try {
        plan = render::plan_choropleth(values, spec, confidential);
    } catch (const UsageError&) {
        // Few distinct values leave fewer classes than the palette has
        // colours for: viridis has every size.
        spec.palette = "viridis";
        spec.center.reset();
        plan = render::plan_choropleth(values, spec, confidential);
    }
    out.region_class = plan.region_class;
    out.colors = plan.colors;
    out.labels = plan.labels;
    out.counts = plan.classes.counts;
    out.warnings = plan.classes.warnings;
    out.method_note = fmt::format("{}, k = {}", classify::method_name(spec.method), plan.classes.k());
    return out;
}

std::string hatch_pattern_svg(const std::string& confidential_color) {
    return fmt::format(
        "<defs><pattern id=\"cf\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>"
        "<path d=\"M0,6L6,0M0,0L6,6\" stroke=\"#636363\" stroke-width=\"0.8\"/></pattern></defs>",
        render::xml_escape(confidential_color));
}

std::string static_map_svg(const RegionMaps& maps, const std::vector<std::string>& fills, const std::string& title) {
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\"><title>{}</title>\n",
        maps.width, maps.height, maps.width, maps.height, render::xml_escape(title));
    svg += hatch_pattern_svg("#BDBDBD") + "\n";
    svg += "<g stroke=\"#FFFFFF\" stroke-width=\"0.4\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n";
    for (std::size_t i = 0; i < maps.paths.size(); ++i)
        if (!maps.paths[i].empty()) svg += fmt::format("<path fill=\"{}\" d=\"{}\"/>\n", render::xml_escape(fills[i]), maps.paths[i]);
    svg += "</g>\n</svg>\n";
    return svg;
}

}  // namespace regio::atlas
