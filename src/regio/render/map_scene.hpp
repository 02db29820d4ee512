#pragma once
// What every panel of a map draws the same way: which frame each region is
// in (main map or an inset), the extent of every frame, and the shapes as
// drawn (simplified for display per frame, at that frame's own scale).
#include "regio/geometry/types.hpp"
#include "regio/render/arc_topology.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/render/page_layout.hpp"

#include <string>
#include <vector>

namespace regio::render {

// An inset that is drawn (it has regions) and its extent in map units.
struct DrawnFrame {
    int frame = -1;  // the inset's index in MapSpec::insets
    geometry::Box extent;
};

struct Scene {
    std::vector<int> assignment;     // per region: kMainFrame or an inset index
    std::vector<DrawnFrame> insets;  // insets with at least one region, in style order
    geometry::Box main_extent;
    std::vector<geometry::MultiPolygon> simplified;
    std::vector<const geometry::MultiPolygon*> shapes;  // per region, as drawn
};

// Assigns regions to insets and computes the extents; warnings (insets
// without regions, regions outside a given extent) and the number of
// regions in insets go to `out`.
Scene make_scene(const std::vector<MapRegion>& regions, const MapSpec& spec, MapDrawing& out);

// Display simplification that keeps shared borders shared, per frame with
// the tolerance simplify_px at that frame's scale in `frames`.
// Returns what the topology repair did, summed over the frames.
TopologyRepair simplify_scene(Scene& scene, double simplify_px, const PanelFrames& frames);

// The viewport of an extent in a pixel frame (a unit box when empty).
Viewport view_of(const geometry::Box& extent, const Frame& frame);

}  // namespace regio::render
