#include "regio/maps/map_drawing.hpp"

#include <fmt/format.h>

#include <cmath>

namespace regio::maps {
namespace {

// The panels to draw: per panel (facet) every region with its value and class.
std::vector<render::MapPanel> map_panels(const MapContent& content) {
    const geometry::RegionSet& regions = content.regions;
    const render::PanelValues& panels = content.panels;
    std::vector<render::MapPanel> drawn(panels.values.size());
    for (std::size_t p = 0; p < drawn.size(); ++p) {
        drawn[p].title = panels.facets[p];
        for (std::size_t r = 0; r < regions.size(); ++r) {
            const double v = panels.values[p][r];
            drawn[p].regions.push_back({regions.ids[r], content.names[r], &regions.shapes[r],
                                        std::isfinite(v) ? std::optional<double>(v) : std::nullopt,
                                        content.plan.region_class[p * regions.size() + r]});
        }
    }
    return drawn;
}

}  // namespace

render::MapDrawing draw_choropleth(const MapRequest& request, const MapLook& look, MapKind kind, const MapContent& content,
                                   std::vector<std::string>& warnings) {
    const style::MapStyleFile& st = look.style;
    const render::ChoroplethPlan& classes = content.plan;
    const std::vector<double>& extent = request.extent;
    render::MapSpec map;
    map.width = request.width ? request.width : st.width.value_or(900);
    map.height = request.height ? request.height : st.height.value_or(700);
    map.metres = content.metres;
    if (!extent.empty()) map.extent = geometry::Box{extent[0], extent[1], extent[2], extent[3]};
    else map.extent = st.extent;
    map.insets = st.insets;
    map.simplify = request.simplify_px;
    map.outlines = content.outlines.shapes();
    const std::size_t n_panels = content.panels.values.size();
    render::MapText text{request.title, request.subtitle, !request.source.empty() ? request.source : st.source.value_or(""),
                         legend_title(request, st, content.definition_label),
                         kind == MapKind::Categorical ? fmt::format("{} categories", classes.classes.k())
                                                      : fmt::format("{}, k = {}", classify::method_name(look.spec.method), classes.classes.k())};
    if (n_panels > 1) text.method_note += fmt::format("; counts over all {} maps", n_panels);
    // Issue #17: perturbed values are drawn like any other, and the legend says so.
    if (content.panels.perturbed > 0) text.method_note += "; counts perturbed (cell-key method)";
    std::vector<render::LegendClass> legend;
    for (std::size_t k = 0; k < classes.colors.size(); ++k) legend.push_back({classes.labels[k], classes.colors[k], classes.classes.counts[k]});
    render::MapDrawing drawing = render::draw_map(map_panels(content), legend, classes.nodata, look.look, text, map);
    warnings.insert(warnings.end(), drawing.warnings.begin(), drawing.warnings.end());
    // A map for publication names what it shows and where the data come from.
    if (text.title.empty()) warnings.push_back("the map has no title (--title)");
    if (text.source.empty()) warnings.push_back("the map has no source note (--source, or source in the style)");
    return drawing;
}

}  // namespace regio::maps
