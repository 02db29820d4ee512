#include "regio/aggregate/fixed_sum.hpp"

#include <cmath>

namespace regio::aggregate {
namespace {

constexpr double kScale = 0x1p64;   // units per 1.0
constexpr double kLimit = 0x1p62;   // |value| bound for one addend

}  // namespace

bool FixedSum::representable(double value) { return std::isfinite(value) && std::abs(value) < kLimit; }

bool FixedSum::add(double value) {
    if (!representable(value)) return false;
    // value * 2^64 is exact (a power-of-two scale); rounding to an integer is
    // the one rounding step, deterministic per value.
    const auto units = static_cast<__int128>(std::nearbyint(value * kScale));
    __int128 sum;
    if (__builtin_add_overflow(m_units, units, &sum)) return false;
    m_units = sum;
    return true;
}

bool FixedSum::add(const FixedSum& other) {
    __int128 sum;
    if (__builtin_add_overflow(m_units, other.m_units, &sum)) return false;
    m_units = sum;
    return true;
}

double FixedSum::value() const {
    // Conversion of a 128-bit integer to double is correctly rounded.
    return static_cast<double>(m_units) / kScale;
}

}  // namespace regio::aggregate
