#include "regio/geometry/neighbour_bands.hpp"

#include "regio/error.hpp"
#include "regio/geometry/geos_context.hpp"
#include "regio/parallel.hpp"

#include <memory>

namespace regio::geometry {
namespace {

// Arcs matter only at convex corners of the neighbours; 4 segments per
// quarter circle err by at most 2 % of the distance there (straight edges,
// where nearly all of a band lies, are exact).
constexpr int kQuadrantSegments = 4;

GeomPtr checked(const GeosContext& ctx, GEOSGeometry* g, const char* what) {
    if (!g) throw GeometryError(std::string("cannot ") + what + " a crosswalk piece: " + ctx.last_error());
    return GeomPtr(g, GeomDeleter{ctx.get()});
}

// The bands of one group: each member against the union of the others'
// buffers (built from the buffers once, skipping members whose envelope
// cannot reach).
void group_bands(const GeosContext& ctx, const std::vector<MultiPolygon>& shapes, const std::vector<std::size_t>& group,
                 double distance, std::vector<Band>& out) {
    GEOSContextHandle_t h = ctx.get();
    std::vector<GeomPtr> own, grown;
    std::vector<Box> grown_box;
    // Each member is buffered only where another member can be reached: its
    // part within `distance` of the others' boxes (a large piece next to a
    // small one is not buffered whole).
    std::vector<Box> boxes;
    for (const std::size_t i : group) boxes.push_back(bounds(shapes[i]));
    for (std::size_t m = 0; m < group.size(); ++m) {
        const std::size_t i = group[m];
        own.push_back(to_geos(ctx, shapes[i]));
        Box reach;
        for (std::size_t n = 0; n < group.size(); ++n)
            if (n != m) reach.expand(boxes[n]);
        GeomPtr part = checked(ctx, GEOSClipByRect_r(h, own.back().get(), reach.xmin - 2 * distance, reach.ymin - 2 * distance,
                                                     reach.xmax + 2 * distance, reach.ymax + 2 * distance),
                               "clip");
        grown.push_back(checked(ctx, GEOSBuffer_r(h, part.get(), distance, kQuadrantSegments), "buffer"));
        Box box = boxes[m];
        box.xmin -= distance;
        box.ymin -= distance;
        box.xmax += distance;
        box.ymax += distance;
        grown_box.push_back(box);
    }
    for (std::size_t m = 0; m < group.size(); ++m) {
        const Box box = bounds(shapes[group[m]]);
        std::vector<std::size_t> near;
        for (std::size_t n = 0; n < group.size(); ++n)
            if (n != m && grown_box[n].intersects(box)) near.push_back(n);
        if (near.empty()) continue;
        // One neighbour (the usual split in two): its buffer as it is;
        // several: their union, so that overlapping reaches count once.
        GeomPtr united;
        if (near.size() > 1) {
            std::vector<GEOSGeometry*> clones;  // owned by the collection below
            for (const std::size_t n : near) clones.push_back(GEOSGeom_clone_r(h, grown[n].get()));
            GeomPtr collection = checked(
                ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(), static_cast<unsigned>(clones.size())),
                "collect");
            united = checked(ctx, GEOSUnaryUnion_r(h, collection.get()), "unite the buffers around");
        }
        const GEOSGeometry* reach = united ? united.get() : grown[near.front()].get();
        GeomPtr band = checked(ctx, GEOSIntersection_r(h, own[m].get(), reach), "intersect");
        Band& result = out[group[m]];
        result.shape = from_geos(ctx, band.get());
        if (GEOSArea_r(h, band.get(), &result.area) != 1) throw GeometryError("cannot measure a band: " + ctx.last_error());
    }
}

}  // namespace

std::vector<Band> neighbour_bands(const std::vector<MultiPolygon>& shapes, const std::vector<std::vector<std::size_t>>& groups,
                                  double distance, unsigned threads) {
    threads = std::max(1u, threads);
    std::vector<std::unique_ptr<GeosContext>> contexts;
    for (unsigned t = 0; t < threads; ++t) contexts.push_back(std::make_unique<GeosContext>());
    std::vector<Band> out(shapes.size());
    // Each group writes only its own members' bands.
    parallel_for(groups.size(), threads, [&](std::size_t g, unsigned t) {
        if (groups[g].size() > 1) group_bands(*contexts[t], shapes, groups[g], distance, out);
    });
    return out;
}

}  // namespace regio::geometry
