#include "regio/regionalise/dissolve.hpp"

#include "regio/geometry/shape_union.hpp"

namespace regio::regionalise {

std::vector<geometry::MultiPolygon> dissolve(const std::vector<geometry::MultiPolygon>& shapes,
                                             const std::vector<std::vector<std::size_t>>& members) {
    geometry::ShapeUnion unite;
    std::vector<geometry::MultiPolygon> out;
    out.reserve(members.size());
    for (const auto& region : members) {
        if (region.size() == 1) {
            out.push_back(shapes[region[0]]);
            continue;
        }
        std::vector<const geometry::MultiPolygon*> parts;
        parts.reserve(region.size());
        for (std::size_t u : region) parts.push_back(&shapes[u]);
        out.push_back(unite.of(parts));
    }
    return out;
}

}  // namespace regio::regionalise
