#pragma once
// Conversion between OGR geometries and regio's plain geometry types.
#include "regio/geometry/types.hpp"

#include <ogr_geometry.h>

#include <memory>

namespace regio::io {

// Polygonal OGR geometry (curves are linearised) -> MultiPolygon. Returns false
// for geometries that are not polygonal.
bool to_multipolygon(const OGRGeometry& geometry, geometry::MultiPolygon& out);

std::unique_ptr<OGRMultiPolygon> to_ogr(const geometry::MultiPolygon& shape);

}  // namespace regio::io
