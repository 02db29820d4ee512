#include "regio/regionalise/unit_measures.hpp"

#include <cmath>

namespace regio::regionalise {
namespace {

struct Moments {
    double area = 0;  // signed by ring role: exterior +, hole -
    double mx = 0;
    double my = 0;
};

// Adds a ring's area and first moments relative to `origin` (coordinates of
// 4e6 m would otherwise cost digits in the cross products). The ring's own
// orientation is ignored: exteriors add, holes subtract.
void add_ring(const geometry::Ring& ring, const geometry::Point& origin, double role, Moments& m) {
    double a = 0, mx = 0, my = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double x0 = ring[i].x - origin.x, y0 = ring[i].y - origin.y;
        const double x1 = ring[i + 1].x - origin.x, y1 = ring[i + 1].y - origin.y;
        const double cross = x0 * y1 - x1 * y0;
        a += cross;
        mx += (x0 + x1) * cross;
        my += (y0 + y1) * cross;
    }
    if (a == 0) return;
    const double sign = a > 0 ? role : -role;  // makes the ring's area carry its role's sign
    m.area += sign * a / 2;
    m.mx += sign * mx / 6;
    m.my += sign * my / 6;
}

}  // namespace

UnitMeasures measure_units(const std::vector<geometry::MultiPolygon>& shapes) {
    UnitMeasures out;
    out.centroid.resize(shapes.size());
    out.area.resize(shapes.size(), 0.0);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const auto& shape = shapes[i];
        if (shape.empty() || shape.polygons[0].rings.empty() || shape.polygons[0].rings[0].empty()) continue;
        const geometry::Point origin = shape.polygons[0].rings[0][0];
        Moments m;
        for (const auto& polygon : shape.polygons)
            for (std::size_t r = 0; r < polygon.rings.size(); ++r) add_ring(polygon.rings[r], origin, r == 0 ? 1.0 : -1.0, m);
        if (m.area > 0) {
            out.area[i] = m.area;
            out.centroid[i] = {origin.x + m.mx / m.area, origin.y + m.my / m.area};
        } else {
            out.centroid[i] = origin;  // degenerate: a point of the unit is the best we have
        }
    }
    return out;
}

}  // namespace regio::regionalise
