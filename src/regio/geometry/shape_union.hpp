#pragma once
// The union of several shapes (GEOS unary union): shared borders disappear,
// but a digitising gap between two shapes stays as a thin hole (the union
// does not snap, so no coordinate is moved). GEOS stays behind this header.
#include "regio/geometry/types.hpp"

#include <memory>
#include <vector>

namespace regio::geometry {

class GeosContext;

// One per thread: it owns a GEOS context.
class ShapeUnion {
public:
    ShapeUnion();
    ~ShapeUnion();
    ShapeUnion(const ShapeUnion&) = delete;
    ShapeUnion& operator=(const ShapeUnion&) = delete;

    // Empty shapes are ignored. Throws GeometryError (with GEOS's message)
    // when GEOS cannot collect or union the parts.
    MultiPolygon of(const std::vector<const MultiPolygon*>& shapes);

private:
    std::unique_ptr<GeosContext> m_ctx;
};

}  // namespace regio::geometry
