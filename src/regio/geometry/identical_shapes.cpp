#include "regio/geometry/identical_shapes.hpp"

#include <functional>
#include <unordered_map>

namespace regio::geometry {
namespace {

bool same_shape(const MultiPolygon& a, const MultiPolygon& b) {
    if (a.polygons.size() != b.polygons.size()) return false;
    for (std::size_t p = 0; p < a.polygons.size(); ++p) {
        if (a.polygons[p].rings.size() != b.polygons[p].rings.size()) return false;
        for (std::size_t r = 0; r < a.polygons[p].rings.size(); ++r)
            if (a.polygons[p].rings[r] != b.polygons[p].rings[r]) return false;
    }
    return true;
}

std::size_t shape_hash(const MultiPolygon& shape) {
    std::size_t h = shape.polygons.size();
    for (const auto& polygon : shape.polygons)
        for (const auto& ring : polygon.rings)
            for (const auto& p : ring) {
                h = h * 1000003u ^ std::hash<double>{}(p.x);
                h = h * 1000003u ^ std::hash<double>{}(p.y);
            }
    return h;
}

}  // namespace

std::vector<std::int64_t> identical_partners(const RegionSet& from, const RegionSet& to) {
    std::unordered_multimap<std::size_t, std::size_t> by_hash;
    for (std::size_t j = 0; j < to.size(); ++j)
        if (!to.shapes[j].empty()) by_hash.emplace(shape_hash(to.shapes[j]), j);
    std::vector<std::int64_t> partner(from.size(), -1);
    std::vector<char> taken(to.size(), 0);
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (from.shapes[i].empty()) continue;
        // The first free match in input order (the multimap's order is unspecified).
        const auto [first, last] = by_hash.equal_range(shape_hash(from.shapes[i]));
        std::size_t best = to.size();
        for (auto it = first; it != last; ++it)
            if (it->second < best && !taken[it->second] && same_shape(from.shapes[i], to.shapes[it->second])) best = it->second;
        if (best < to.size()) {
            partner[i] = static_cast<std::int64_t>(best);
            taken[best] = 1;
        }
    }
    return partner;
}

}  // namespace regio::geometry
