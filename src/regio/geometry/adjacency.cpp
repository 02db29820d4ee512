#include "regio/geometry/adjacency.hpp"

#include "regio/error.hpp"
#include "regio/geometry/border_contact.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace regio::geometry {
namespace {

std::optional<std::int64_t> feature_of(const RegionSet& units, std::size_t i) {
    if (i < units.feature_ids.size()) return units.feature_ids[i];
    return std::nullopt;
}

// GEOS's failure, named by unit (geometry/ knows shapes, not units).
[[noreturn]] void rethrow(const RegionSet& units, const BorderContactError& e) {
    if (e.first == e.second)
        throw GeometryError("GEOS cannot process unit '" + units.ids[e.first] + "': " + e.what(),
                            Where{units.file, units.layer, {}, feature_of(units, e.first)});
    throw GeometryError("GEOS failed comparing units '" + units.ids[e.first] + "' and '" + units.ids[e.second] +
                            "': " + e.what(),
                        Where{units.file, units.layer});
}

}  // namespace

Neighbours build_adjacency(const RegionSet& units, const AdjacencyOptions& options) {
    if (!(options.tolerance > 0)) throw UsageError("the adjacency tolerance must be positive");
    const std::size_t n = units.size();
    const double tol = options.tolerance;
    std::vector<Box> boxes(n);
    std::vector<std::size_t> by_x;
    for (std::size_t i = 0; i < n; ++i) {
        boxes[i] = bounds(units.shapes[i]);
        if (boxes[i].empty()) continue;
        boxes[i].xmin -= tol;
        boxes[i].ymin -= tol;
        boxes[i].xmax += tol;
        boxes[i].ymax += tol;
        by_x.push_back(i);
    }
    std::stable_sort(by_x.begin(), by_x.end(), [&](std::size_t a, std::size_t b) { return boxes[a].xmin < boxes[b].xmin; });

    BorderContact contact(units.shapes, tol, options.contiguity == Contiguity::Queen);
    Neighbours out(n);
    for (std::size_t p = 0; p < by_x.size(); ++p) {
        const std::size_t a = by_x[p];
        for (std::size_t q = p + 1; q < by_x.size() && boxes[by_x[q]].xmin <= boxes[a].xmax; ++q) {
            const std::size_t b = by_x[q];
            if (!boxes[a].intersects(boxes[b])) continue;
            try {
                if (contact.between(a, b) == Contact::None) continue;
            } catch (const BorderContactError& e) {
                rethrow(units, e);
            }
            out[a].push_back(b);
            out[b].push_back(a);
        }
    }
    for (auto& list : out) std::sort(list.begin(), list.end());
    return out;
}

}  // namespace regio::geometry
