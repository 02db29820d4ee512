#include "regio/geometry/types.hpp"

namespace regio::geometry {

Box bounds(const MultiPolygon& shape) {
    Box box;
    for (const auto& polygon : shape.polygons)
        if (!polygon.rings.empty())
            for (const auto& p : polygon.rings.front()) box.expand(p);
    return box;
}

std::size_t vertex_count(const MultiPolygon& shape) {
    std::size_t n = 0;
    for (const auto& polygon : shape.polygons)
        for (const auto& ring : polygon.rings) n += ring.size();
    return n;
}

}  // namespace regio::geometry
