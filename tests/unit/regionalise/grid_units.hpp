#pragma once
// Tiny hand-made unit layers for the regionalise tests: 1000 m squares on a
// lattice (cell (c, r) covers x c..c+1 km, y r..r+1 km), the problem built
// from them as the command builds it, and checks every result must pass.
#include "regio/geometry/region_set.hpp"
#include "regio/geometry/adjacency.hpp"
#include "regio/regionalise/max_p.hpp"
#include "regio/regionalise/unit_measures.hpp"

#include <string>
#include <vector>

namespace regio_test {

using namespace regio;

inline geometry::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    return {{geometry::Polygon{{geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

inline geometry::MultiPolygon cell(int c, int r) {
    return rect(1000.0 * c, 1000.0 * r, 1000.0 * (c + 1), 1000.0 * (r + 1));
}

inline geometry::RegionSet units_of(std::vector<geometry::MultiPolygon> shapes) {
    geometry::RegionSet s;
    s.crs_wkt = "EPSG:3035";
    for (std::size_t i = 0; i < shapes.size(); ++i) s.ids.push_back(std::to_string(i));  // ids are not looked at
    s.shapes = std::move(shapes);
    return s;
}

// values[k][unit], one minimum per threshold; all in one group unless given.
inline regionalise::Problem problem_of(const geometry::RegionSet& units, std::vector<std::vector<double>> values,
                                       std::vector<double> minimum, std::vector<std::size_t> group = {},
                                       geometry::Contiguity contiguity = geometry::Contiguity::Rook) {
    regionalise::Problem p;
    p.neighbours = geometry::build_adjacency(units, {contiguity, geometry::kDefaultAdjacencyTolerance});
    auto m = regionalise::measure_units(units.shapes);
    p.centroid = std::move(m.centroid);
    p.weight = std::move(m.area);
    p.group = group.empty() ? std::vector<std::size_t>(units.size(), 0) : std::move(group);
    p.values = std::move(values);
    p.minimum = std::move(minimum);
    return p;
}

// Whether `members` are connected through the problem's neighbours.
inline bool connected(const regionalise::Problem& p, const std::vector<std::size_t>& members) {
    if (members.empty()) return false;
    std::vector<char> in(p.size(), 0), seen(p.size(), 0);
    for (std::size_t u : members) in[u] = 1;
    std::vector<std::size_t> stack{members[0]};
    seen[members[0]] = 1;
    std::size_t reached = 1;
    while (!stack.empty()) {
        const std::size_t u = stack.back();
        stack.pop_back();
        for (std::size_t v : p.neighbours[u])
            if (in[v] && !seen[v]) {
                seen[v] = 1;
                ++reached;
                stack.push_back(v);
            }
    }
    return reached == members.size();
}

// The partition as lists of unit indices, for readable comparisons.
inline std::vector<std::vector<std::size_t>> regions_of(const regionalise::Partition& partition) {
    std::vector<std::vector<std::size_t>> out(partition.regions);
    for (std::size_t u = 0; u < partition.region_of.size(); ++u) out[partition.region_of[u]].push_back(u);
    return out;
}

}  // namespace regio_test
