#pragma once
// The SVG of regio map: frame, size and insets from the request and the
// style, the legend shared by all panels, the title, source and method note,
// and the warnings of a map not ready for publication (no title, no source).
#include "regio/geometry/region_set.hpp"
#include "regio/maps/map_look.hpp"
#include "regio/maps/map_outline.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/render/facets.hpp"

#include <string>
#include <vector>

namespace regio::maps {

// What is drawn; every region in the map's CRS.
struct MapContent {
    const geometry::RegionSet& regions;
    const std::vector<std::string>& names;  // per region (empty strings without --name)
    const render::PanelValues& panels;
    const render::ChoroplethPlan& plan;     // region_class of all panels one after the other
    const Outlines& outlines;
    bool metres = true;                     // the map's CRS is projected (scale bar in km)
    std::string definition_label;           // the data's `label` column when the rows share one
};

// Appends the drawing's warnings (insets, frame) and the publication
// warnings to `warnings`.
render::MapDrawing draw_choropleth(const MapRequest& request, const MapLook& look, MapKind kind, const MapContent& content,
                                   std::vector<std::string>& warnings);

}  // namespace regio::maps
