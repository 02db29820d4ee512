#pragma once
// Whether two shapes share a border, tolerant of digitising noise (the GEOS
// part of the contiguity graph; geometry/adjacency chooses the pairs).
//
// Boundaries are compared after snap-rounding both to a grid of `tolerance`
// CRS units (GEOS OverlayNG with a fixed precision model), so vertices that
// differ by less than about half of it, or a border digitised twice with tiny
// offsets, still make a shared border. Shapes whose interiors overlap (a
// digitising sliver tolerated by the overlap check) share a border too: their
// boundaries cross rather than run together. A shared length must exceed
// `tolerance` to count as a border, so that two corners snapped together stay
// a corner contact.
#include "regio/geometry/types.hpp"

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace regio::geometry {

enum class Contact {
    None,    // apart, or touching only where a corner-only contact is not asked for
    Border,  // a shared border (or, when corners count, a shared point)
};

// One per thread (it owns a GEOS context). The GEOS views of each shape are
// made on first use and kept, since a shape takes part in many pairs.
class BorderContact {
public:
    // corners_count: a single shared point is a contact (queen contiguity).
    BorderContact(const std::vector<MultiPolygon>& shapes, double tolerance, bool corners_count);
    ~BorderContact();
    BorderContact(const BorderContact&) = delete;
    BorderContact& operator=(const BorderContact&) = delete;

    // Throws BorderContactError naming the shape(s) when GEOS fails.
    Contact between(std::size_t a, std::size_t b);

private:
    struct Views;
    const Views& views(std::size_t i);
    [[noreturn]] void fail(std::size_t a, std::size_t b) const;

    const std::vector<MultiPolygon>& m_shapes;
    double m_tolerance;
    bool m_corners_count;
    struct State;
    std::unique_ptr<State> m_state;
};

// GEOS could not process shape `first` (second == first) or compare the
// pair; what() is GEOS's message. The caller names the shapes.
class BorderContactError : public std::runtime_error {
public:
    BorderContactError(std::size_t first_shape, std::size_t second_shape, const std::string& message)
        : std::runtime_error(message), first(first_shape), second(second_shape) {}
    std::size_t first;
    std::size_t second;
};

}  // namespace regio::geometry
