#include "regio/geometry/region_checks.hpp"

#include "regio/error.hpp"
#include "regio/geometry/geos_context.hpp"
#include "regio/geometry/simple_validity.hpp"
#include "regio/parallel.hpp"

#include <algorithm>
#include <memory>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <set>
#include <thread>

namespace regio::geometry {
namespace {

// Runs fn(index, ctx) for index in [0, n) on `threads` threads, each with its
// own GEOS context (GEOS handles are not shared between threads).
template <class Fn>
void parallel_for_geos(std::size_t n, unsigned threads, Fn fn) {
    threads = std::max(1u, threads);
    std::vector<std::unique_ptr<GeosContext>> contexts;
    for (unsigned t = 0; t < threads; ++t) contexts.push_back(std::make_unique<GeosContext>());
    parallel_for(n, threads, [&](std::size_t i, unsigned t) { fn(i, *contexts[t]); });
}

Where region_where(const RegionSet& regions, std::size_t i) {
    Where w{regions.file, regions.layer};
    if (i < regions.feature_ids.size()) w.feature = regions.feature_ids[i];
    return w;
}

}  // namespace

std::vector<RepairNote> repair_invalid(RegionSet& regions, unsigned threads, const std::vector<char>* skip) {
    std::vector<RepairNote> notes;
    std::mutex notes_mutex;
    parallel_for_geos(regions.size(), threads, [&](std::size_t i, GeosContext& ctx) {
        if (regions.shapes[i].empty() || (skip && (*skip)[i])) return;
        // The common case without GEOS; GEOS decides (and names) the rest.
        if (certainly_valid(regions.shapes[i])) return;
        GEOSContextHandle_t h = ctx.get();
        GeomPtr g = to_geos(ctx, regions.shapes[i]);
        if (GEOSisValid_r(h, g.get()) == 1) return;
        char* reason_raw = GEOSisValidReason_r(h, g.get());
        std::string reason = reason_raw ? reason_raw : "invalid";
        GEOSFree_r(h, reason_raw);
        GeomPtr fixed(GEOSMakeValid_r(h, g.get()), GeomDeleter{h});
        if (!fixed)
            throw GeometryError("region '" + regions.ids[i] + "' is invalid (" + reason +
                                    ") and cannot be repaired: " + ctx.last_error(),
                                region_where(regions, i));
        regions.shapes[i] = from_geos(ctx, fixed.get());
        std::lock_guard lock(notes_mutex);
        notes.push_back({i, reason});
    });
    std::sort(notes.begin(), notes.end(), [](const RepairNote& a, const RepairNote& b) { return a.region < b.region; });
    return notes;
}

std::vector<Overlap> find_overlaps(const RegionSet& regions, const PointLocator& locator, unsigned threads,
                                   double relative_tolerance, const std::vector<char>* known) {
    auto is_known = [known](std::size_t r) { return known != nullptr && (*known)[r] != 0; };
    // A known region whose box meets no other region's box of the rest has
    // nothing to probe: all its candidates are known.
    std::vector<char> skip(regions.size(), 0);
    if (known) {
        std::vector<Box> others;
        for (std::size_t r = 0; r < regions.size(); ++r)
            if (!is_known(r) && !regions.shapes[r].empty()) others.push_back(bounds(regions.shapes[r]));
        for (std::size_t r = 0; r < regions.size(); ++r) {
            if (!is_known(r)) continue;
            const Box b = bounds(regions.shapes[r]);
            skip[r] = std::none_of(others.begin(), others.end(), [&](const Box& o) { return o.intersects(b); });
        }
    }
    // 1. Candidate pairs: a probe point of region a lies strictly inside b.
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    std::mutex pairs_mutex;
    parallel_for_geos(regions.size(), threads, [&](std::size_t a, GeosContext& ctx) {
        std::vector<std::int32_t> candidates;
        std::set<std::pair<std::size_t, std::size_t>> found;
        // Probes computed here (edge midpoints) are off their edge by a
        // rounding error, so a probe within that distance of the other
        // region's boundary is not evidence of an overlap.
        // A probe on a's segment from->to is on b's boundary when b has the
        // same segment (the usual shared border): strictly_inside_probe
        // answers that without the full test.
        if (skip[a]) return;
        const bool a_known = is_known(a);
        bool unknown_near = !a_known;  // a known region needs its interior probe only near others
        auto probe = [&](const Point& p, const Point& from, const Point& to) {
            const double tolerance = 1e-12 * (std::abs(p.x) + std::abs(p.y)) + 1e-300;
            locator.candidates(p, candidates);
            for (const std::int32_t b : candidates) {
                if (static_cast<std::size_t>(b) == a || (a_known && is_known(static_cast<std::size_t>(b)))) continue;
                unknown_near = true;
                if (locator.strictly_inside_probe(p, b, tolerance, from, to))
                    found.emplace(std::min<std::size_t>(a, b), std::max<std::size_t>(a, b));
            }
        };
        for (const auto& polygon : regions.shapes[a].polygons)
            for (const auto& ring : polygon.rings)
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                    const Point& from = ring[i];
                    const Point& to = ring[i + 1];
                    probe(from, from, to);
                    probe({0.5 * (from.x + to.x), 0.5 * (from.y + to.y)}, from, to);
                }
        if (!regions.shapes[a].empty() && unknown_near) {  // catches identical or nested shapes
            GEOSContextHandle_t h = ctx.get();
            GeomPtr g = to_geos(ctx, regions.shapes[a]);
            GeomPtr inner(GEOSPointOnSurface_r(h, g.get()), GeomDeleter{h});
            double x = 0, y = 0;
            if (inner && !GEOSisEmpty_r(h, inner.get()) && GEOSGeomGetX_r(h, inner.get(), &x) &&
                GEOSGeomGetY_r(h, inner.get(), &y))
                probe({x, y}, {x, y}, {x, y});
        }
        std::lock_guard lock(pairs_mutex);
        pairs.insert(found.begin(), found.end());
    });
    // 2. Measure each candidate pair exactly.
    const std::vector<std::pair<std::size_t, std::size_t>> list(pairs.begin(), pairs.end());
    std::vector<double> areas(list.size(), 0.0);
    std::vector<char> significant(list.size(), 0);
    parallel_for_geos(list.size(), threads, [&](std::size_t k, GeosContext& ctx) {
        GEOSContextHandle_t h = ctx.get();
        GeomPtr a = to_geos(ctx, regions.shapes[list[k].first]);
        GeomPtr b = to_geos(ctx, regions.shapes[list[k].second]);
        GeomPtr both(GEOSIntersection_r(h, a.get(), b.get()), GeomDeleter{h});
        double area = 0, area_a = 0, area_b = 0;
        if (both) GEOSArea_r(h, both.get(), &area);
        GEOSArea_r(h, a.get(), &area_a);
        GEOSArea_r(h, b.get(), &area_b);
        areas[k] = area;
        significant[k] = area > relative_tolerance * std::min(area_a, area_b);
    });
    std::vector<Overlap> out;
    for (std::size_t k = 0; k < list.size(); ++k)
        if (areas[k] > 0) out.push_back({list[k].first, list[k].second, areas[k], significant[k] != 0});
    return out;
}

void check_overlaps(const RegionSet& regions, const std::vector<Overlap>& overlaps, OverlapPolicy policy) {
    if (policy == OverlapPolicy::Allow) return;
    const auto first = std::find_if(overlaps.begin(), overlaps.end(), [](const Overlap& o) { return o.significant; });
    if (first == overlaps.end()) return;
    const Overlap& o = *first;
    const auto count = std::count_if(overlaps.begin(), overlaps.end(), [](const Overlap& x) { return x.significant; });
    std::string more = count > 1 ? " (and " + std::to_string(count - 1) + " more pairs)" : "";
    char area[32];
    std::snprintf(area, sizeof area, "%.6g", o.area);
    throw GeometryError("regions '" + regions.ids[o.first] + "' and '" + regions.ids[o.second] + "' overlap by " +
                            area + " square units" + more,
                        Where{regions.file, regions.layer},
                        "fix the boundaries, raise --overlap-tolerance, or pass --allow-overlaps to give each point to the first region in input order");
}

}  // namespace regio::geometry
