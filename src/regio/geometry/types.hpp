#pragma once
// Plain geometry types shared by io/, geometry/ and the algorithms. They hold
// coordinates only: no GEOS or GDAL here, so algorithms stay testable with
// literals.
#include <algorithm>
#include <limits>
#include <vector>

namespace regio::geometry {

struct Point {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Point&, const Point&) = default;
};

// A closed ring as read: the last vertex repeats the first.
using Ring = std::vector<Point>;

// rings[0] is the exterior, the rest are holes.
struct Polygon {
    std::vector<Ring> rings;
};

struct MultiPolygon {
    std::vector<Polygon> polygons;
    [[nodiscard]] bool empty() const { return polygons.empty(); }
};

struct Box {
    double xmin = std::numeric_limits<double>::infinity();
    double ymin = std::numeric_limits<double>::infinity();
    double xmax = -std::numeric_limits<double>::infinity();
    double ymax = -std::numeric_limits<double>::infinity();

    void expand(const Point& p) {
        xmin = std::min(xmin, p.x);
        ymin = std::min(ymin, p.y);
        xmax = std::max(xmax, p.x);
        ymax = std::max(ymax, p.y);
    }
    void expand(const Box& b) {
        xmin = std::min(xmin, b.xmin);
        ymin = std::min(ymin, b.ymin);
        xmax = std::max(xmax, b.xmax);
        ymax = std::max(ymax, b.ymax);
    }
    [[nodiscard]] bool empty() const { return !(xmin <= xmax && ymin <= ymax); }
    [[nodiscard]] bool contains(const Point& p) const {
        return p.x >= xmin && p.x <= xmax && p.y >= ymin && p.y <= ymax;
    }
    [[nodiscard]] bool intersects(const Box& b) const {
        return !(b.xmin > xmax || b.xmax < xmin || b.ymin > ymax || b.ymax < ymin);
    }
    [[nodiscard]] double width() const { return xmax - xmin; }
    [[nodiscard]] double height() const { return ymax - ymin; }
};

[[nodiscard]] Box bounds(const MultiPolygon& shape);
[[nodiscard]] std::size_t vertex_count(const MultiPolygon& shape);

}  // namespace regio::geometry
