// The districts of the demo city, 2023 and 2024.
//
// The city is a 5 x 4 lattice of cells (16 km x 14 km) whose vertices are
// jittered, outer ones included, so neither the outline nor the districts are
// rectangles. Every lattice edge becomes one wiggly polyline, drawn once and
// used forwards by one district and backwards by its neighbour: that is what
// makes the tiling exact (no gaps, no overlaps, identical shared vertices).
// A district is a list of rings, each a list of directed polylines; a merge
// drops the polylines the merged districts share, a split adds one polyline,
// a border shift swaps one polyline for another.
#include "demo.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace regio_demo {
namespace {

constexpr int kCols = 5;
constexpr int kRows = 4;
constexpr double kCellW = 3200.0;  // m
constexpr double kCellH = 3500.0;  // m

// Cells are numbered row by row from the north-west: cell r*kCols+c is D(r*kCols+c+1).
constexpr int kHostCell = 7;            // D08 Altstadt holds the enclave D21
constexpr int kSplitCell = 15;          // D16 -> D22 (west) + D23 (east)
constexpr int kMergeA = 3;              // D04 + D05 -> D24
constexpr int kMergeB = 4;
constexpr int kRecodeCell = 6;          // D07 -> D25
constexpr int kShiftWest = 11;          // border D12 | D13 moves west
constexpr int kShiftEast = 12;
constexpr double kShiftMetres = 650.0;  // peak of the border shift

constexpr std::array<const char*, 21> kNames = {
    "Weinbergen", "Nordhafen",  "Auwald",      "Kahlenfeld", "Donaufeld",
    "Westbahn",   "Lindenau",   "Altstadt",    "Praterau",   "Ostufer",
    "Ziegelhof",  "Mariental",  "Marktviertel", "Neustift",  "Simmerau",
    "Laaer Feld", "Südbahn",    "Wienerberg",  "Kaiserau",   "Schwechatau",
    "Burgviertel"};

std::string district_id(int number) {
    std::array<char, 8> buf{};
    std::snprintf(buf.data(), buf.size(), "D%02d", number);
    return buf.data();
}

struct DirLine {
    std::size_t line;
    bool forward;
};
using RingSpec = std::vector<DirLine>;

struct Face {
    std::string id;
    std::string name;
    std::vector<RingSpec> rings;
};

// Which polylines make up each lattice edge; an edge has two parts where the
// split line of D16 meets it. Horizontal edge (i, c) runs west to east along
// lattice row i (0 = north); vertical edge (r, j) runs south to north along
// lattice column j.
struct Edges {
    std::vector<std::vector<std::size_t>> h;  // index i*kCols + c
    std::vector<std::vector<std::size_t>> v;  // index r*(kCols+1) + j
    std::vector<std::size_t>& hor(int i, int c) { return h[static_cast<std::size_t>(i * kCols + c)]; }
    std::vector<std::size_t>& ver(int r, int j) { return v[static_cast<std::size_t>(r * (kCols + 1) + j)]; }
};

Pt start_of(const std::vector<std::vector<Pt>>& lines, DirLine d) {
    return d.forward ? lines[d.line].front() : lines[d.line].back();
}
Pt end_of(const std::vector<std::vector<Pt>>& lines, DirLine d) {
    return d.forward ? lines[d.line].back() : lines[d.line].front();
}

// A border from a to b: the straight segment bent sideways by a smooth random
// offset that tapers to zero at both ends, so borders meeting at a lattice
// vertex keep their angles apart and never cross. The offset is a function of
// the position along the segment, so the polyline cannot cross itself.
std::vector<Pt> wiggle(Pt a, Pt b, double amp_max, Rng& rng) {
    const double ax = to_m(a.x);
    const double ay = to_m(a.y);
    const double dx = to_m(b.x) - ax;
    const double dy = to_m(b.y) - ay;
    const double len = std::hypot(dx, dy);
    const int n = std::max(6, static_cast<int>(std::lround(len / 300.0)));
    const double nx = -dy / len;  // left normal
    const double ny = dx / len;
    const double amp = amp_max * rng.uniform(0.4, 1.0);
    const double f1 = static_cast<double>(rng.integer(1, 2));
    const double f2 = static_cast<double>(rng.integer(3, 5));
    const double p1 = rng.uniform(0.0, 2.0 * std::numbers::pi);
    const double p2 = rng.uniform(0.0, 2.0 * std::numbers::pi);
    std::vector<Pt> pts{a};
    for (int k = 1; k < n; ++k) {
        const double t = (k + rng.uniform(-0.25, 0.25)) / n;
        const double noise = std::clamp(rng.normal(), -2.0, 2.0);
        const double off = amp * std::sin(std::numbers::pi * t) *
                           (0.7 * std::sin(2.0 * std::numbers::pi * f1 * t + p1) +
                            0.3 * std::sin(2.0 * std::numbers::pi * f2 * t + p2) + 0.1 * noise);
        pts.push_back({to_cm(ax + t * dx + off * nx), to_cm(ay + t * dy + off * ny)});
    }
    pts.push_back(b);
    return pts;
}

// The same border pushed sideways (to its left) by a bump that is zero with
// zero slope at both ends, so the neighbouring borders are not disturbed.
std::vector<Pt> shifted(const std::vector<Pt>& line, double peak) {
    const double ax = to_m(line.front().x);
    const double ay = to_m(line.front().y);
    const double dx = to_m(line.back().x) - ax;
    const double dy = to_m(line.back().y) - ay;
    const double len2 = dx * dx + dy * dy;
    const double len = std::sqrt(len2);
    std::vector<Pt> out = line;
    for (std::size_t k = 1; k + 1 < out.size(); ++k) {
        const double t = ((to_m(out[k].x) - ax) * dx + (to_m(out[k].y) - ay) * dy) / len2;
        const double s = std::sin(std::numbers::pi * std::clamp(t, 0.0, 1.0));
        const double off = peak * s * s;
        out[k] = {to_cm(to_m(out[k].x) - dy / len * off), to_cm(to_m(out[k].y) + dx / len * off)};
    }
    return out;
}

// Counter-clockwise boundary of cell (r, c): south edge, east edge, north edge
// reversed, west edge reversed.
RingSpec cell_ring(Edges& e, int r, int c) {
    RingSpec ring;
    for (auto id : e.hor(r + 1, c)) ring.push_back({id, true});
    for (auto id : e.ver(r, c + 1)) ring.push_back({id, true});
    const auto& north = e.hor(r, c);
    for (auto it = north.rbegin(); it != north.rend(); ++it) ring.push_back({*it, false});
    const auto& west = e.ver(r, c);
    for (auto it = west.rbegin(); it != west.rend(); ++it) ring.push_back({*it, false});
    return ring;
}

Ring resolve(const std::vector<std::vector<Pt>>& lines, const RingSpec& spec) {
    Ring out;
    for (const auto& d : spec) {
        const auto& l = lines[d.line];
        if (!out.empty() && !(out.back() == start_of(lines, d)))
            throw std::logic_error("demo city: ring pieces do not join");
        const std::size_t n = l.size();
        for (std::size_t k = out.empty() ? 0 : 1; k < n; ++k) out.push_back(d.forward ? l[k] : l[n - 1 - k]);
    }
    if (out.size() < 4 || !(out.front() == out.back())) throw std::logic_error("demo city: ring not closed");
    return out;
}

// The boundary of the union of rings that tile a simply connected area:
// polylines used in both directions are interior and cancel; the rest chain
// into one ring.
RingSpec merge_rings(const std::vector<std::vector<Pt>>& lines, const std::vector<RingSpec>& rings) {
    std::vector<DirLine> all;
    for (const auto& r : rings) all.insert(all.end(), r.begin(), r.end());
    std::vector<DirLine> rest;
    for (const auto& d : all) {
        const auto uses = std::count_if(all.begin(), all.end(), [&](const DirLine& o) { return o.line == d.line; });
        if (uses == 1) rest.push_back(d);
    }
    if (rest.empty()) throw std::logic_error("demo city: empty merge");
    RingSpec out{rest.front()};
    rest.erase(rest.begin());
    while (!rest.empty()) {
        const Pt tail = end_of(lines, out.back());
        const auto next = std::find_if(rest.begin(), rest.end(), [&](const DirLine& d) { return start_of(lines, d) == tail; });
        if (next == rest.end()) throw std::logic_error("demo city: merged boundary is not one ring");
        out.push_back(*next);
        rest.erase(next);
    }
    if (!(end_of(lines, out.back()) == start_of(lines, out.front())))
        throw std::logic_error("demo city: merged boundary not closed");
    return out;
}

District realise(const std::vector<std::vector<Pt>>& lines, const Face& f) {
    District d{f.id, f.name, {}};
    for (const auto& r : f.rings) d.rings.push_back(resolve(lines, r));
    return d;
}

// Start a ring at its lowest (y, x) vertex, so outlines built from different
// pieces compare equal.
Ring canonical(Ring r) {
    r.pop_back();
    const auto low = std::min_element(r.begin(), r.end(),
                                      [](const Pt& a, const Pt& b) { return a.y != b.y ? a.y < b.y : a.x < b.x; });
    std::rotate(r.begin(), low, r.end());
    r.push_back(r.front());
    return r;
}

std::int64_t district_twice_area(const District& d) {
    std::int64_t a = 0;
    for (const auto& r : d.rings) a += twice_area(r);
    return a;
}

// Outline of a vintage, checked against the tiling: the districts' areas must
// add up exactly to the outline's area.
Ring outline_of(const std::vector<std::vector<Pt>>& lines, const std::vector<Face>& faces,
                const std::vector<District>& districts) {
    std::vector<RingSpec> all;
    for (const auto& f : faces) all.insert(all.end(), f.rings.begin(), f.rings.end());
    Ring outline = canonical(resolve(lines, merge_rings(lines, all)));
    std::int64_t sum = 0;
    for (const auto& d : districts) sum += district_twice_area(d);
    if (sum != twice_area(outline)) throw std::logic_error("demo city: district areas do not add up to the outline");
    return outline;
}

}  // namespace

std::int64_t twice_area(const Ring& ring) {
    // Relative to the first vertex, so products stay far from overflow.
    std::int64_t a = 0;
    const Pt o = ring.front();
    for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
        a += (ring[k].x - o.x) * (ring[k + 1].y - o.y) - (ring[k + 1].x - o.x) * (ring[k].y - o.y);
    }
    return a;
}

bool in_ring(const Ring& ring, Pt p) {
    bool inside = false;
    for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
        const Pt a = ring[k];
        const Pt b = ring[k + 1];
        if ((a.y > p.y) != (b.y > p.y)) {
            const std::int64_t cross = (b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y);
            if ((b.y > a.y) ? cross > 0 : cross < 0) inside = !inside;
        }
    }
    return inside;
}

bool in_district(const District& d, Pt p) {
    if (!in_ring(d.rings.front(), p)) return false;
    for (std::size_t k = 1; k < d.rings.size(); ++k)
        if (in_ring(d.rings[k], p)) return false;
    return true;
}

double distance_m(const std::vector<Pt>& line, Pt p) {
    double best = std::numeric_limits<double>::infinity();
    const double px = to_m(p.x);
    const double py = to_m(p.y);
    for (std::size_t k = 0; k + 1 < line.size(); ++k) {
        const double ax = to_m(line[k].x);
        const double ay = to_m(line[k].y);
        const double dx = to_m(line[k + 1].x) - ax;
        const double dy = to_m(line[k + 1].y) - ay;
        const double t = std::clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
        best = std::min(best, std::hypot(px - ax - t * dx, py - ay - t * dy));
    }
    return best;
}

City build_city(std::uint64_t seed, Pt centre) {
    Rng rng = Rng::stream(seed, 1);
    City city;
    city.centre = centre;

    // Lattice vertices; outer ones move further across the outline than along it.
    std::vector<std::vector<Pt>> vert(kRows + 1, std::vector<Pt>(kCols + 1));
    for (int i = 0; i <= kRows; ++i) {
        for (int j = 0; j <= kCols; ++j) {
            const bool west_east = j == 0 || j == kCols;
            const bool north_south = i == 0 || i == kRows;
            const double x = to_m(centre.x) - kCols * kCellW / 2 + j * kCellW + rng.uniform(-1, 1) * (west_east ? 650 : 380);
            const double y = to_m(centre.y) + kRows * kCellH / 2 - i * kCellH + rng.uniform(-1, 1) * (north_south ? 650 : 380);
            vert[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = {to_cm(x), to_cm(y)};
        }
    }
    auto vtx = [&](int i, int j) { return vert[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]; };

    std::vector<std::vector<Pt>> lines;
    auto add = [&](std::vector<Pt> l) {
        lines.push_back(std::move(l));
        return lines.size() - 1;
    };
    Edges edges{std::vector<std::vector<std::size_t>>((kRows + 1) * kCols),
                std::vector<std::vector<std::size_t>>(kRows * (kCols + 1))};
    const int split_r = kSplitCell / kCols;
    const int split_c = kSplitCell % kCols;
    for (int i = 0; i <= kRows; ++i) {
        for (int c = 0; c < kCols; ++c) {
            auto pts = wiggle(vtx(i, c), vtx(i, c + 1), (i == 0 || i == kRows) ? 220 : 150, rng);
            if (c == split_c && (i == split_r || i == split_r + 1)) {
                // Cut at the middle vertex so the 2024 split line can start there
                // without changing the vertices of the neighbours.
                const auto mid = static_cast<std::ptrdiff_t>(pts.size() / 2);
                edges.hor(i, c).push_back(add({pts.begin(), pts.begin() + mid + 1}));
                edges.hor(i, c).push_back(add({pts.begin() + mid, pts.end()}));
            } else {
                edges.hor(i, c).push_back(add(std::move(pts)));
            }
        }
    }
    for (int r = 0; r < kRows; ++r)
        for (int j = 0; j <= kCols; ++j)
            edges.ver(r, j).push_back(add(wiggle(vtx(r + 1, j), vtx(r, j), (j == 0 || j == kCols) ? 220 : 150, rng)));

    // The enclave: a closed counter-clockwise loop around the middle of its host cell.
    const int host_r = kHostCell / kCols;
    const int host_c = kHostCell % kCols;
    const Pt hc{(vtx(host_r, host_c).x + vtx(host_r, host_c + 1).x + vtx(host_r + 1, host_c).x + vtx(host_r + 1, host_c + 1).x) / 4,
                (vtx(host_r, host_c).y + vtx(host_r, host_c + 1).y + vtx(host_r + 1, host_c).y + vtx(host_r + 1, host_c + 1).y) / 4};
    std::vector<Pt> loop;
    for (int k = 0; k < 11; ++k) {
        const double angle = 2.0 * std::numbers::pi * k / 11.0 + rng.uniform(-0.2, 0.2);
        const double radius = 430.0 + rng.uniform(-80.0, 80.0);
        loop.push_back({hc.x + to_cm(radius * std::cos(angle)), hc.y + to_cm(radius * std::sin(angle))});
    }
    loop.push_back(loop.front());
    const std::size_t enclave = add(std::move(loop));

    // 2024 pieces: the split line runs north to south through D16, from the cut
    // in its north edge to the cut in its south edge; the shifted border replaces
    // the one between D12 and D13.
    const std::size_t split_north_west = edges.hor(split_r, split_c).front();
    const std::size_t split_south_west = edges.hor(split_r + 1, split_c).front();
    const std::size_t split_line = add(wiggle(lines[split_north_west].back(), lines[split_south_west].back(), 120, rng));
    const int shift_r = kShiftEast / kCols;
    const int shift_j = kShiftEast % kCols;  // lattice column between the two cells
    const std::size_t old_border = edges.ver(shift_r, shift_j).front();
    const std::size_t new_border = add(shifted(lines[old_border], kShiftMetres));
    Edges edges24 = edges;
    edges24.ver(shift_r, shift_j) = {new_border};

    // 2023: one face per cell, plus the enclave.
    std::vector<Face> faces23;
    for (int cell = 0; cell < kRows * kCols; ++cell) {
        Face f{district_id(cell + 1), kNames[static_cast<std::size_t>(cell)], {cell_ring(edges, cell / kCols, cell % kCols)}};
        if (cell == kHostCell) f.rings.push_back({{enclave, false}});
        faces23.push_back(std::move(f));
    }
    faces23.push_back({district_id(21), kNames[20], {{{enclave, true}}}});

    // 2024: the 2023 faces in the same order, changed ones replaced in place.
    std::vector<Face> faces24;
    for (int cell = 0; cell < kRows * kCols; ++cell) {
        const std::string name = kNames[static_cast<std::size_t>(cell)];
        const int r = cell / kCols;
        const int c = cell % kCols;
        if (cell == kSplitCell) {
            const auto& north = edges24.hor(r, c);
            const auto& south = edges24.hor(r + 1, c);
            const auto& west = edges24.ver(r, c);
            const auto& east = edges24.ver(r, c + 1);
            faces24.push_back({district_id(22), name + " West",
                               {{{south[0], true}, {split_line, false}, {north[0], false}, {west[0], false}}}});
            faces24.push_back({district_id(23), name + " Ost",
                               {{{south[1], true}, {east[0], true}, {north[1], false}, {split_line, true}}}});
        } else if (cell == kMergeA) {
            const RingSpec merged = merge_rings(lines, {cell_ring(edges24, r, c), cell_ring(edges24, kMergeB / kCols, kMergeB % kCols)});
            faces24.push_back({district_id(24), name + "-" + kNames[kMergeB], {merged}});
        } else if (cell == kMergeB) {
            continue;
        } else {
            Face f{cell == kRecodeCell ? district_id(25) : district_id(cell + 1), name, {cell_ring(edges24, r, c)}};
            if (cell == kHostCell) f.rings.push_back({{enclave, false}});
            faces24.push_back(std::move(f));
        }
    }
    faces24.push_back(faces23.back());

    city.before.layer = "districts_2023";
    city.after.layer = "districts_2024";
    for (const auto& f : faces23) city.before.districts.push_back(realise(lines, f));
    for (const auto& f : faces24) city.after.districts.push_back(realise(lines, f));

    // Self-checks: both vintages tile the same outline exactly, and every
    // district not named in the manifest is identical in both.
    city.outline = outline_of(lines, faces23, city.before.districts);
    if (!(outline_of(lines, faces24, city.after.districts) == city.outline))
        throw std::logic_error("demo city: the 2024 outline differs from 2023");
    auto find = [](const Vintage& v, const std::string& id) -> const District& {
        for (const auto& d : v.districts)
            if (d.id == id) return d;
        throw std::logic_error("demo city: no district " + id);
    };
    for (const auto& d : city.after.districts) {
        const int n = std::stoi(d.id.substr(1));
        const bool changed = n > 21 || n - 1 == kShiftWest || n - 1 == kShiftEast;
        if (!changed && find(city.before, d.id).rings != d.rings)
            throw std::logic_error("demo city: unchanged district " + d.id + " differs");
    }
    if (find(city.before, district_id(kRecodeCell + 1)).rings != find(city.after, district_id(25)).rings)
        throw std::logic_error("demo city: recoded district differs");

    const District& west23 = find(city.before, district_id(kShiftWest + 1));
    const District& east23 = find(city.before, district_id(kShiftEast + 1));
    const double moved = static_cast<double>(district_twice_area(west23) - district_twice_area(find(city.after, west23.id))) / 2e4;
    const double smaller = static_cast<double>(std::min(district_twice_area(west23), district_twice_area(east23))) / 2e4;
    const double share = moved / smaller;
    if (share < 0.05 || share > 0.15) throw std::logic_error("demo city: border shift outside 5-15% of the smaller district");

    std::array<char, 160> buf{};
    city.changes.push_back("split " + district_id(kSplitCell + 1) + " -> " + district_id(22) + " " + district_id(23));
    city.changes.push_back("merge " + district_id(kMergeA + 1) + " " + district_id(kMergeB + 1) + " -> " + district_id(24));
    std::snprintf(buf.data(), buf.size(), "shift %s %s (%.0f m2 moved from %s to %s, %.1f%% of the smaller)",
                  west23.id.c_str(), east23.id.c_str(), moved, west23.id.c_str(), east23.id.c_str(), 100.0 * share);
    city.changes.emplace_back(buf.data());
    city.changes.push_back("recode " + district_id(kRecodeCell + 1) + " -> " + district_id(25));

    city.borders = std::move(lines);
    return city;
}

}  // namespace regio_demo
