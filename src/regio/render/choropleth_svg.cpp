#include "regio/render/choropleth_svg.hpp"

#include "regio/render/choropleth_plan.hpp"
#include "regio/render/insets.hpp"
#include "regio/render/map_scene.hpp"
#include "regio/render/page_layout.hpp"
#include "regio/render/simplify.hpp"
#include "regio/render/svg_legend.hpp"
#include "regio/render/svg_path.hpp"
#include "regio/render/svg_text.hpp"
#include "regio/render/viewport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace regio::render {
namespace {

// A round length (1, 2 or 5 × 10^n) near a fifth of the map width.
double nice_length(double target) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    for (const double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= target) return step * magnitude;
    return magnitude;
}

std::string element_id(const std::string& prefix, const std::string& id, std::set<std::string>& used) {
    std::string out = prefix + "r-";
    for (const char c : id) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    std::string unique = out;
    for (int n = 2; !used.insert(unique).second; ++n) unique = out + "-" + std::to_string(n);
    return unique;
}

std::string rect_attributes(const Frame& f) {
    return fmt::format("x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"", format_fixed(f.x, 1), format_fixed(f.y, 1), format_fixed(f.width, 1),
                       format_fixed(f.height, 1));
}

void append_paths(std::string& svg, const std::vector<MapRegion>& regions, const Scene& scene, int frame, const Viewport& view,
                  const MapStyle& style, int decimals, const std::string& id_prefix, std::set<std::string>& used) {
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const auto& r = regions[i];
        if (scene.assignment[i] != frame || !scene.shapes[i]) continue;
        const std::string d = path_data(*scene.shapes[i], view, decimals);
        if (d.empty()) continue;
        const bool confidential = r.klass == kConfidentialClass;
        const std::string cls = r.klass >= 0 ? "c" + std::to_string(r.klass) : confidential ? "cf" : "nd";
        // A suppressed value is never shown, even if the caller passed one.
        const std::string value = confidential ? style.confidential_label : r.value ? format_value(*r.value) : style.nodata_label;
        const std::string label = r.name.empty() ? r.id : r.name + " (" + r.id + ")";
        svg += fmt::format("<path id=\"{}\" data-id=\"{}\" class=\"{}\" d=\"{}\"><title>{}: {}</title></path>\n",
                           element_id(id_prefix, r.id, used), xml_escape(r.id), cls, d, xml_escape(label), xml_escape(value));
    }
}

// Relative luminance (ITU-R BT.709 weights) of "#RRGGBB"; -1 for anything else.
double luminance(const std::string& color) {
    if (color.size() != 7 || color[0] != '#') return -1;
    double rgb[3];
    for (int i = 0; i < 3; ++i) {
        const std::string hex = color.substr(1 + 2 * static_cast<std::size_t>(i), 2);
        if (!std::isxdigit(static_cast<unsigned char>(hex[0])) || !std::isxdigit(static_cast<unsigned char>(hex[1]))) return -1;
        rgb[i] = static_cast<double>(std::stoi(hex, nullptr, 16)) / 255.0;
    }
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

// A light border vanishes against a light fill: such classes get a grey one.
bool needs_dark_border(const std::string& fill, const MapStyle& style) {
    constexpr double kLight = 0.9;
    return luminance(style.border_color) >= kLight && luminance(fill) >= kLight;
}

std::string group_style(const MapStyle& style) {
    return fmt::format("stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" fill-rule=\"evenodd\"", xml_escape(style.border_color),
                       format_fixed(style.border_width, 2));
}


}  // namespace

MapDrawing draw_map(const std::vector<MapPanel>& panels, const std::vector<LegendClass>& classes, std::size_t nodata_count,
                    const MapStyle& style, const MapText& text, const MapSpec& spec) {
    MapDrawing out;
    static const std::vector<MapRegion> kNone;
    const auto& regions = panels.empty() ? kNone : panels.front().regions;
    Scene scene = make_scene(regions, spec, out);

    const double w = spec.width, h = spec.height;
    const bool several = panels.size() > 1;
    std::size_t confidential_count = 0;
    for (const auto& panel : panels)
        confidential_count += static_cast<std::size_t>(
            std::count_if(panel.regions.begin(), panel.regions.end(), [](const MapRegion& r) { return r.klass == kConfidentialClass; }));
    const LegendContent legend{&classes,          nodata_count, style.nodata_label, text.legend_title, text.method_note,
                               confidential_count, style.confidential_label};
    PageSpec page_spec;
    page_spec.width = w;
    page_spec.height = h;
    page_spec.header = kPageMargin + (text.title.empty() ? 0 : 26) + (text.subtitle.empty() ? 0 : 20);
    page_spec.footer = kPageMargin + 34 + (text.source.empty() ? 0 : 16);
    page_spec.legend_height = legend_height(legend);
    page_spec.legend_width = legend_width(legend);
    page_spec.panels = std::max<std::size_t>(1, panels.size());
    page_spec.panel_titles = several || (!panels.empty() && !panels.front().title.empty());
    page_spec.insets = scene.insets.size();
    page_spec.aspect = scene.main_extent.empty() ? 1 : scene.main_extent.width() / std::max(scene.main_extent.height(), 1e-12);
    const PageLayout page = layout_page(page_spec);
    const TopologyRepair repair = simplify_scene(scene, spec.simplify, page.panels.front());
    out.topology_restored = repair.restored;
    if (repair.unresolved > 0)
        out.warnings.push_back(fmt::format("{} edges of the input cross or touch edges of other regions; simplification keeps them as they are",
                                           repair.unresolved));

    // Outlines are simplified like the regions, at the main frame's scale;
    // on their own, as they overlap the regions rather than tile with them.
    std::vector<OutlineShape> outlines = spec.outlines;
    std::vector<geometry::MultiPolygon> simplified_outlines;
    if (spec.simplify > 0 && !outlines.empty()) {
        std::vector<const geometry::MultiPolygon*> shapes;
        for (const auto& o : outlines) shapes.push_back(o.shape);
        simplified_outlines = simplify_shared(shapes, spec.simplify / view_of(scene.main_extent, page.panels.front().map).scale());
        for (std::size_t i = 0; i < outlines.size(); ++i) outlines[i].shape = &simplified_outlines[i];
    }

    std::string& svg = out.svg;
    svg += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
                       "font-family=\"{}\">\n",
                       spec.width, spec.height, spec.width, spec.height, xml_escape(style.font));
    svg += "<defs>\n<style>";
    for (std::size_t k = 0; k < classes.size(); ++k) {
        if (needs_dark_border(classes[k].color, style))
            svg += fmt::format(".c{}{{fill:{};stroke:{}}}", k, xml_escape(classes[k].color), xml_escape(style.light_border_color));
        else
            svg += fmt::format(".c{}{{fill:{}}}", k, xml_escape(classes[k].color));
    }
    svg += ".nd{fill:url(#nodata)}";
    if (confidential_count > 0) svg += ".cf{fill:url(#confidential)}";  // only then: maps without flags stay as they were
    svg += "</style>\n";
    // Regions beyond a chosen extent stay inside their frame.
    auto suffix = [&](std::size_t p) { return several ? "-" + std::to_string(p + 1) : std::string(); };
    for (std::size_t p = 0; p < page.panels.size(); ++p) {
        const auto& frames = page.panels[p];
        svg += fmt::format("<clipPath id=\"frame{}\"><rect {}/></clipPath>\n", suffix(p), rect_attributes(frames.map));
        for (std::size_t i = 0; i < frames.insets.size(); ++i)
            svg += fmt::format("<clipPath id=\"frame{}-inset-{}\"><rect {}/></clipPath>\n", suffix(p), i + 1,
                               rect_attributes(inset_map_area(frames.insets[i])));
    }
    svg += fmt::format("<pattern id=\"nodata\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                       "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>"
                       "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#969696\" stroke-width=\"1.5\"/></pattern>\n",
                       xml_escape(style.nodata_color));
    if (confidential_count > 0)  // cross-hatched: unlike the no-data hatch and every class colour
        svg += fmt::format("<pattern id=\"confidential\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                           "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>"
                           "<path d=\"M3 0V6M0 3H6\" stroke=\"#636363\" stroke-width=\"1.2\"/></pattern>\n",
                           xml_escape(style.confidential_color));
    svg += "</defs>\n";
    svg += fmt::format("<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n", xml_escape(style.background));
    if (!text.title.empty())
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"20\" font-weight=\"bold\">{}</text>\n", kPageMargin, kPageMargin + 18,
                           xml_escape(text.title));
    if (!text.subtitle.empty())
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"#444444\">{}</text>\n", kPageMargin,
                           kPageMargin + (text.title.empty() ? 14 : 40), xml_escape(text.subtitle));

    // The maps: per panel one path per region, fills by class; insets in boxes.
    std::set<std::string> used_ids;
    for (std::size_t p = 0; p < panels.size(); ++p) {
        const auto& frames = page.panels[p];
        const std::string id_prefix = several ? "p" + std::to_string(p + 1) + "-" : std::string();
        const Viewport view = view_of(scene.main_extent, frames.map);
        if (page_spec.panel_titles) {
            // The title just above the top left corner of the map as drawn (centred in its frame).
            const double tx = scene.main_extent.empty() ? frames.map.x : std::max(frames.map.x, view.px(scene.main_extent.xmin));
            const double ty = scene.main_extent.empty() ? frames.map.y - 5 : std::max(frames.map.y, view.py(scene.main_extent.ymax)) - 5;
            svg += fmt::format("<g id=\"panel{}\" class=\"panel\" data-facet=\"{}\">\n<text x=\"{}\" y=\"{}\" font-size=\"13\" "
                               "font-weight=\"bold\">{}</text>\n",
                               suffix(p), xml_escape(panels[p].title), format_fixed(tx, 1), format_fixed(ty, 1), xml_escape(panels[p].title));
        }
        svg += fmt::format("<g id=\"regions{}\" clip-path=\"url(#frame{})\" {}>\n", suffix(p), suffix(p), group_style(style));
        append_paths(svg, panels[p].regions, scene, kMainFrame, view, style, spec.decimals, id_prefix, used_ids);
        svg += "</g>\n";
        append_outlines(svg, outlines, spec.outline_style, view, "frame" + suffix(p), suffix(p), spec.decimals);
        if (!scene.insets.empty()) {
            svg += fmt::format("<g id=\"insets{}\" font-size=\"9\">\n", suffix(p));
            for (std::size_t i = 0; i < scene.insets.size(); ++i) {
                const Frame& box = frames.insets[i];
                const std::string id = fmt::format("{}-inset-{}", suffix(p), i + 1);
                svg += fmt::format("<g id=\"inset{}-{}\" class=\"inset\">\n<rect {} fill=\"{}\" stroke=\"#999999\" stroke-width=\"0.6\"/>"
                                   "<text x=\"{}\" y=\"{}\" fill=\"#333333\">{}</text>\n<g clip-path=\"url(#frame{})\" {}>\n",
                                   suffix(p), i + 1, rect_attributes(box), xml_escape(style.background), format_fixed(box.x + 3, 1),
                                   format_fixed(box.y + 11, 1),
                                   xml_escape(spec.insets[static_cast<std::size_t>(scene.insets[i].frame)].label), id, group_style(style));
                append_paths(svg, panels[p].regions, scene, scene.insets[i].frame, view_of(scene.insets[i].extent, inset_map_area(box)),
                             style, spec.decimals, id_prefix, used_ids);
                svg += "</g>\n</g>\n";
            }
            svg += "</g>\n";
        }
        if (page_spec.panel_titles) svg += "</g>\n";
    }

    // Legend on the right, shared by all panels.
    append_legend(svg, legend, page.legend_x, page.legend_y);

    // Scale bar (of the main frames; insets have scales of their own) and
    // source note at the bottom left.
    if (spec.metres && !scene.main_extent.empty()) {
        const Viewport view = view_of(scene.main_extent, page.panels.front().map);
        const double target = page.panels.front().map.width / 5 / view.scale();
        const double length = nice_length(target);
        const double bar = length * view.scale();
        const double by = h - kPageMargin - (text.source.empty() ? 0 : 16) - 14;
        const std::string label = length >= 1000 ? format_fixed(length / 1000, 3) + " km" : format_fixed(length, 3) + " m";
        svg += fmt::format("<g id=\"scale\" font-size=\"11\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"4\" fill=\"#333333\"/>"
                           "<text x=\"{}\" y=\"{}\">{}</text></g>\n",
                           format_fixed(kPageMargin, 1), format_fixed(by, 1), format_fixed(bar, 1), format_fixed(kPageMargin + bar + 6, 1),
                           format_fixed(by + 5, 1), label);
    }
    if (!text.source.empty())
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555555\">{}</text>\n", kPageMargin, h - kPageMargin,
                           xml_escape(text.source));
    svg += "</svg>\n";
    return out;
}

std::string choropleth_svg(const std::vector<MapRegion>& regions, const std::vector<LegendClass>& classes,
                           std::size_t nodata_count, const MapStyle& style, const MapText& text, const MapSpec& spec) {
    return draw_map({MapPanel{{}, regions}}, classes, nodata_count, style, text, spec).svg;
}

}  // namespace regio::render
