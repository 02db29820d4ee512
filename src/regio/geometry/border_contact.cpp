#include "regio/geometry/border_contact.hpp"

#include "regio/geometry/geos_context.hpp"

namespace regio::geometry {

struct BorderContact::Views {
    GeomPtr shape;
    GeomPtr boundary;
    PreparedPtr prepared;
};

struct BorderContact::State {
    GeosContext ctx;
    std::vector<Views> views;
};

BorderContact::BorderContact(const std::vector<MultiPolygon>& shapes, double tolerance, bool corners_count)
    : m_shapes(shapes), m_tolerance(tolerance), m_corners_count(corners_count), m_state(std::make_unique<State>()) {
    m_state->views.resize(shapes.size());
}

BorderContact::~BorderContact() = default;

Contact BorderContact::between(std::size_t a, std::size_t b) {
    GEOSContextHandle_t h = m_state->ctx.get();
    const Views& va = views(a);
    const Views& vb = views(b);
    const double tol = m_tolerance;
    // Most candidate pairs are merely near each other.
    const char near = GEOSPreparedDistanceWithin_r(h, va.prepared.get(), vb.shape.get(), tol);
    if (near == 2) fail(a, b);
    if (!near) return Contact::None;
    GeomPtr shared(GEOSIntersectionPrec_r(h, va.boundary.get(), vb.boundary.get(), tol), GeomDeleter{h});
    if (!shared) fail(a, b);
    if (m_corners_count && !GEOSisEmpty_r(h, shared.get())) return Contact::Border;
    double length = 0;
    if (GEOSLength_r(h, shared.get(), &length) != 1) fail(a, b);
    if (length > tol) return Contact::Border;
    // Overlapping interiors (a tolerated sliver): the boundaries cross.
    const char overlap = GEOSRelatePattern_r(h, va.shape.get(), vb.shape.get(), "T********");
    if (overlap == 2) fail(a, b);
    return overlap == 1 ? Contact::Border : Contact::None;
}

const BorderContact::Views& BorderContact::views(std::size_t i) {
    Views& v = m_state->views[i];
    if (v.shape) return v;
    const GeosContext& ctx = m_state->ctx;
    GEOSContextHandle_t h = ctx.get();
    v.shape = to_geos(ctx, m_shapes[i]);
    v.boundary = GeomPtr(GEOSBoundary_r(h, v.shape.get()), GeomDeleter{h});
    v.prepared = PreparedPtr(GEOSPrepare_r(h, v.shape.get()), PreparedDeleter{h});
    if (!v.boundary || !v.prepared) throw BorderContactError(i, i, ctx.last_error());
    return v;
}

void BorderContact::fail(std::size_t a, std::size_t b) const { throw BorderContactError(a, b, m_state->ctx.last_error()); }

}  // namespace regio::geometry
