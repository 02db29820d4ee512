#pragma once
// Outlines drawn above a choropleth for orientation (e.g. the districts over
// planning areas): boundaries only, no fill, optionally with a name at each
// shape's label point. They take the main frame's viewport and clip, so they
// line up with the regions below.
#include "regio/geometry/types.hpp"
#include "regio/render/viewport.hpp"

#include <string>
#include <vector>

namespace regio::render {

struct OutlineShape {
    const geometry::MultiPolygon* shape = nullptr;  // in the map CRS
    std::string label;                              // empty: no label
};

struct OutlineStyle {
    std::string color = "#333333";
    double width = 1.2;
};

// The point a label goes to: the area-weighted centroid of the largest
// polygon's exterior when it lies inside that polygon, otherwise the middle
// of the widest horizontal run through the polygon at the centroid's height
// (a centroid can fall outside a crescent). Empty shapes give (0, 0).
geometry::Point label_point(const geometry::MultiPolygon& shape);

// Appends <g id="outlines…">: one path per shape (fill none), then the labels
// (white halo under dark text, so they read on every class colour).
void append_outlines(std::string& svg, const std::vector<OutlineShape>& outlines, const OutlineStyle& style, const Viewport& view,
                     const std::string& clip_id, const std::string& id_suffix, int decimals);

}  // namespace regio::render
