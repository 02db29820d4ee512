#pragma once
// An order-independent sum of doubles.
//
// Each value is rounded once to a multiple of 2^-64 and added as a 128-bit
// integer. Integer addition is associative, so sums are identical whatever the
// thread count or chunk order, and conservation identities (assigned + outside
// + invalid == read) hold exactly, not just to rounding. Range: |sum| < 2^63
// (about 9.2e18); resolution 5.4e-20, far below any count or weight.
#include <cstdint>

namespace regio::aggregate {

class FixedSum {
public:
    // Adds value; returns false (and adds nothing) if it is not finite or the
    // sum would leave the range.
    bool add(double value);
    bool add(const FixedSum& other);
    [[nodiscard]] double value() const;
    [[nodiscard]] bool operator==(const FixedSum& other) const { return m_units == other.m_units; }

    static bool representable(double value);

private:
    __int128 m_units = 0;  // the sum in units of 2^-64
};

}  // namespace regio::aggregate
