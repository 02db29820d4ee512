#pragma once
// A MultiPolygon as an SVG path, coordinates quantised to a pixel grid
// (1/10 px by default): points that fall on the same grid point are merged,
// and rings that collapse to less than a triangle are dropped, which keeps
// files small at any scale.
#include "regio/geometry/types.hpp"
#include "regio/render/viewport.hpp"

#include <string>

namespace regio::render {

// Path data ("M..Z") in relative moves after the first point, using
// fill-rule evenodd semantics for holes. Empty when nothing is visible.
std::string path_data(const geometry::MultiPolygon& shape, const Viewport& viewport, int decimals = 1);

}  // namespace regio::render
