#pragma once
// Vintages of hand-made units for the harmonise tests: axis-aligned boxes
// with ids, in input order.
#include "regio/geometry/region_set.hpp"

#include <string>
#include <utility>
#include <vector>

namespace harmonise_test {

inline regio::geometry::MultiPolygon box(double x0, double y0, double x1, double y1) {
    using regio::geometry::Polygon;
    using regio::geometry::Ring;
    return {{Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

inline regio::geometry::RegionSet set_of(std::vector<std::pair<std::string, regio::geometry::MultiPolygon>> units) {
    regio::geometry::RegionSet s;
    for (auto& [id, shape] : units) {
        s.ids.push_back(id);
        s.shapes.push_back(shape);
    }
    return s;
}

}  // namespace harmonise_test
