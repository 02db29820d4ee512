#include "regio/geometry/orientation.hpp"

#include <array>
#include <cmath>
#include <cstddef>

namespace regio::geometry {
namespace {

// (3 + 16 eps) eps with eps = 2^-53: the bound on the rounding error of the
// plain evaluation below (Shewchuk 1997, "ccwerrboundA").
constexpr double kErrorBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53;

struct TwoTerms {
    double hi;
    double lo;
};

// Veltkamp's split: a == hi + lo with each half fitting in 26 bits, so
// products of halves are exact. (std::fma would be a library call on CPUs
// the compiler may not assume to have FMA.)
TwoTerms split(double a) {
    constexpr double kSplitter = 134217729.0;  // 2^27 + 1
    const double c = kSplitter * a;
    const double hi = c - (c - a);
    return {hi, a - hi};
}

// hi + lo == a * b exactly (Dekker's two-product).
TwoTerms two_product(double a, double b) {
    const double hi = a * b;
    const TwoTerms as = split(a), bs = split(b);
    const double err = ((as.hi * bs.hi - hi) + as.hi * bs.lo + as.lo * bs.hi) + as.lo * bs.lo;
    return {hi, err};
}

// hi + lo == a + b exactly (Knuth's branch-free two-sum).
TwoTerms two_sum(double a, double b) {
    const double s = a + b;
    const double bv = s - a;
    const double av = s - bv;
    return {s, (a - av) + (b - bv)};
}

// An expansion: non-overlapping components in increasing magnitude; its sign is
// the sign of its largest (last non-zero) component.
class Expansion {
public:
    void add(double value) {
        // Shewchuk's grow-expansion with zero elimination.
        std::size_t out = 0;
        double q = value;
        for (std::size_t i = 0; i < m_size; ++i) {
            const TwoTerms t = two_sum(q, m_terms[i]);
            q = t.hi;
            if (t.lo != 0.0) m_terms[out++] = t.lo;
        }
        if (q != 0.0) m_terms[out++] = q;
        m_size = out;
    }
    [[nodiscard]] int sign() const {
        if (m_size == 0) return 0;
        return m_terms[m_size - 1] > 0.0 ? 1 : -1;
    }

private:
    std::array<double, 16> m_terms{};
    std::size_t m_size = 0;
};

}  // namespace

int orientation_exact(const Point& a, const Point& b, const Point& c) {
    // det = (ax-cx)(by-cy) - (ay-cy)(bx-cx), expanded into products of input
    // coordinates so that no difference is ever rounded:
    //   ax*by - ax*cy - cx*by - ay*bx + ay*cx + cy*bx   (the cx*cy terms cancel)
    const std::array<TwoTerms, 6> products = {
        two_product(a.x, b.y),  two_product(-a.x, c.y), two_product(-c.x, b.y),
        two_product(-a.y, b.x), two_product(a.y, c.x),  two_product(c.y, b.x)};
    Expansion sum;
    for (const auto& p : products) {
        sum.add(p.lo);
        sum.add(p.hi);
    }
    return sum.sign();
}

int orientation(const Point& a, const Point& b, const Point& c) {
    const double left = (a.x - c.x) * (b.y - c.y);
    const double right = (a.y - c.y) * (b.x - c.x);
    const double det = left - right;
    const double bound = kErrorBound * (std::abs(left) + std::abs(right));
    if (det > bound) return 1;
    if (-det > bound) return -1;
    // c on a vertex, or all three on one axis-parallel line: each product has
    // a factor that is exactly zero (a difference of doubles is zero only
    // for equal doubles), so the determinant is exactly zero. Shared vertices
    // of neighbouring regions hit this case all the time.
    const bool left_zero = a.x == c.x || b.y == c.y;
    const bool right_zero = a.y == c.y || b.x == c.x;
    if (left_zero && right_zero) return 0;
    return orientation_exact(a, b, c);
}

}  // namespace regio::geometry
