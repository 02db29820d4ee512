// k colours from a 256-colour map, exactly as R's viridisLite samples them
// (../shared/spec/choropleth.md §4: "viridis(5) is R viridisLite's
// viridis(5) ... store the exact method"). viridisLite 0.4 computes
//
//   fn <- grDevices::colorRamp(map, space = "Lab", interpolate = "spline")
//   cols <- fn(seq(0, 1, length.out = n)) / 255
//   grDevices::rgb(cols[, 1], cols[, 2], cols[, 3])
//
// which, step by step (R 4.2 grDevices and stats), is:
//  1. each map colour, as 8-bit sRGB / 255, to CIE Lab with
//     grDevices::convertColor: the sRGB transfer function, the RGB -> XYZ
//     matrix R derives from the sRGB primaries and R's white point "D65",
//     which grDevices tabulates as x = 0.3137, y = 0.3291 (not the usual
//     0.3127, 0.3290; kept, since it is what R computes with), and Lab
//     relative to that same white (epsilon 216/24389, kappa 24389/27);
//  2. per Lab channel, stats::splinefun(x, channel) with its default method
//     "fmm": the cubic spline through the 256 knots x = seq.int(0, 1,
//     length.out = 256) whose end conditions match the third derivatives of
//     the cubics through the first and last four knots (Forsythe, Malcolm &
//     Moler, "Computer Methods for Mathematical Computations", 1977);
//  3. the spline evaluated at seq(0, 1, length.out = k);
//  4. back to sRGB with convertColor, which rounds to 5 decimals and clips
//     to [0, 1];
//  5. rgb(): each channel v to the byte (unsigned)(255 * v + 0.5).
// This reproduces viridisLite::viridis(5) = #440154 #3B528B #21908C #5DC863
// #FDE725 (tests/unit/style/palette_test.cpp). When this was written it was
// checked against R 4.2.2 (viridisLite 0.4.1) colour for colour: for each of
// the five maps, R's colorRamp on that map gave the same colours for k = 1 to
// 80, 100, 128, 200, 255 and 256, and for viridis, magma, inferno and plasma
// that is viridisLite's own output. Steps 2 and 4 matter: a natural spline or
// no 5-decimal rounding changes some colours by one unit.
#include "regio/style/palette_data.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace regio::style::detail {

namespace {

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;  // row-major

constexpr double kLabEpsilon = 216.0 / 24389.0;
constexpr double kLabKappa = 24389.0 / 27.0;

// grDevices' c2to3(): chromaticity (x, y) -> XYZ with Y = 1.
Vec3 xyz_of(double x, double y) { return {x / y, 1.0, (1.0 - (x + y)) / y}; }

Mat3 inverse(const Mat3& m) {
    const double c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1];
    const double c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2];
    const double c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0];
    const double det = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02;
    return {{{c00 / det, (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det, (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det},
             {c01 / det, (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det, (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det},
             {c02 / det, (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det, (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det}}};
}

// Row vector times matrix, summed in index order.
Vec3 times(const Vec3& v, const Mat3& m) {
    Vec3 out{};
    for (std::size_t j = 0; j < 3; ++j) out[j] = v[0] * m[0][j] + v[1] * m[1][j] + v[2] * m[2][j];
    return out;
}

// grDevices' sRGB colour space: make.rgb(red = (0.64, 0.33), green = (0.30,
// 0.60), blue = (0.15, 0.06), white = "D65", gamma = "sRGB"). Row i of
// `to_xyz` is primary i scaled so that (1, 1, 1) maps to the white point.
struct SrgbSpace {
    Vec3 white = xyz_of(0.3137, 0.3291);
    Mat3 to_xyz{};
    Mat3 from_xyz{};

    SrgbSpace() {
        const Mat3 primaries{{xyz_of(0.64, 0.33), xyz_of(0.30, 0.60), xyz_of(0.15, 0.06)}};
        const Vec3 scale = times(white, inverse(primaries));
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t j = 0; j < 3; ++j) to_xyz[i][j] = scale[i] * primaries[i][j];
        from_xyz = inverse(to_xyz);
    }
};

const SrgbSpace& srgb() {
    static const SrgbSpace space;
    return space;
}

double decode(double v) { return v < 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); }

double encode(double v) {
    if (v <= 0.0031308) return 12.92 * v;
    return 1.055 * std::copysign(std::pow(std::fabs(v), 1.0 / 2.4), v) - 0.055;
}

Vec3 lab_of_srgb(const Vec3& rgb) {
    const auto& s = srgb();
    const Vec3 xyz = times({decode(rgb[0]), decode(rgb[1]), decode(rgb[2])}, s.to_xyz);
    Vec3 f{};
    for (std::size_t j = 0; j < 3; ++j) {
        const double r = xyz[j] / s.white[j];
        f[j] = r <= kLabEpsilon ? (kLabKappa * r + 16.0) / 116.0 : std::pow(r, 1.0 / 3.0);
    }
    return {116.0 * f[1] - 16.0, 500.0 * (f[0] - f[1]), 200.0 * (f[1] - f[2])};
}

double cube(double t) { return t * t * t; }  // grDevices' pow3()

// R's round(x, 5) (R >= 4.0): the nearer of the two 5-decimal candidates
// around x, ties to the even last digit.
double round5(double x) {
    const double sign = x < 0 ? -1.0 : 1.0;
    const double ax = std::fabs(x);
    const double scaled = ax * 1e5;
    const double lo = std::floor(scaled), hi = std::ceil(scaled);
    const double down = lo / 1e5, up = hi / 1e5;
    const double du = up - ax, dd = ax - down;
    return sign * ((du < dd || (du == dd && std::fmod(lo, 2.0) == 1.0)) ? up : down);
}

Vec3 srgb_of_lab(const Vec3& lab) {
    const auto& s = srgb();
    const double l = lab[0];
    const double yr = l < kLabKappa * kLabEpsilon ? l / kLabKappa : cube((l + 16.0) / 116.0);
    const double fy = ((yr <= kLabEpsilon ? kLabKappa * yr : l) + 16.0) / 116.0;
    const double fx = lab[1] / 500.0 + fy;
    const double fz = fy - lab[2] / 200.0;
    const double fx3 = cube(fx), fz3 = cube(fz);
    const double xr = fx3 <= kLabEpsilon ? (116.0 * fx - 16.0) / kLabKappa : fx3;
    const double zr = fz3 <= kLabEpsilon ? (116.0 * fz - 16.0) / kLabKappa : fz3;
    const Vec3 lin = times({xr * s.white[0], yr * s.white[1], zr * s.white[2]}, s.from_xyz);
    Vec3 rgb{};
    for (std::size_t j = 0; j < 3; ++j) rgb[j] = std::clamp(round5(encode(lin[j])), 0.0, 1.0);
    return rgb;
}

// stats::splinefun(x, y, method = "fmm"): y(u) = y_i + t (b_i + t (c_i + t d_i))
// with t = u - x_i on [x_i, x_{i+1}].
class FmmSpline {
public:
    FmmSpline(const std::vector<double>& x, const std::vector<double>& y) : m_x(x), m_y(y) {
        const std::size_t n = x.size();  // >= 4 here (the maps have 256 knots)
        m_b.assign(n, 0.0);
        m_c.assign(n, 0.0);
        m_d.assign(n, 0.0);
        auto& b = m_b;
        auto& c = m_c;
        auto& d = m_d;
        // Tridiagonal system for the second derivatives (times 1/2):
        // b = diagonal, d = off-diagonal, c = right-hand side.
        d[0] = x[1] - x[0];
        c[1] = (y[1] - y[0]) / d[0];
        for (std::size_t i = 1; i + 1 < n; ++i) {
            d[i] = x[i + 1] - x[i];
            b[i] = 2.0 * (d[i - 1] + d[i]);
            c[i + 1] = (y[i + 1] - y[i]) / d[i];
            c[i] = c[i + 1] - c[i];
        }
        // End conditions: third derivatives at both ends from the divided
        // differences of the first and last four knots.
        b[0] = -d[0];
        b[n - 1] = -d[n - 2];
        c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
        c[n - 1] = c[n - 2] / (x[n - 1] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4]);
        c[0] = c[0] * d[0] * d[0] / (x[3] - x[0]);
        c[n - 1] = -c[n - 1] * d[n - 2] * d[n - 2] / (x[n - 1] - x[n - 4]);
        // Forward elimination, back substitution.
        for (std::size_t i = 1; i < n; ++i) {
            const double t = d[i - 1] / b[i - 1];
            b[i] -= t * d[i - 1];
            c[i] -= t * c[i - 1];
        }
        c[n - 1] /= b[n - 1];
        for (std::size_t i = n - 1; i-- > 0;) c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
        // Polynomial coefficients.
        b[n - 1] = (y[n - 1] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2.0 * c[n - 1]);
        for (std::size_t i = 0; i + 1 < n; ++i) {
            b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2.0 * c[i]);
            d[i] = (c[i + 1] - c[i]) / d[i];
            c[i] = 3.0 * c[i];
        }
        c[n - 1] = 3.0 * c[n - 1];
        d[n - 1] = d[n - 2];
    }

    // Values at ascending u, locating each interval as R's spline_eval does
    // (keep the previous interval while u stays inside it).
    [[nodiscard]] std::vector<double> operator()(const std::vector<double>& us) const {
        const std::size_t n = m_x.size();
        std::vector<double> out;
        out.reserve(us.size());
        std::size_t i = 0;
        for (double u : us) {
            if (u < m_x[i] || (i + 1 < n && m_x[i + 1] < u)) {
                i = 0;
                std::size_t j = n;
                do {
                    const std::size_t k = (i + j) / 2;
                    if (u < m_x[k]) j = k;
                    else i = k;
                } while (j > i + 1);
            }
            const double t = u - m_x[i];
            out.push_back(m_y[i] + t * (m_b[i] + t * (m_c[i] + t * m_d[i])));
        }
        return out;
    }

private:
    std::vector<double> m_x, m_y, m_b, m_c, m_d;
};

// seq.int(0, 1, length.out = n) as R computes it: from both ends inwards.
std::vector<double> knots(std::size_t n) {
    std::vector<double> x(n);
    const double by = 1.0 / static_cast<double>(n - 1);
    for (std::size_t i = 0; i < n; ++i) x[i] = i < n / 2 ? static_cast<double>(i) * by : 1.0 - static_cast<double>(n - 1 - i) * by;
    x.front() = 0.0;
    x.back() = 1.0;
    return x;
}

// seq(0, 1, length.out = k) as R's seq.default computes it.
std::vector<double> sample_points(std::size_t k) {
    if (k == 1) return {0.0};
    std::vector<double> u(k);
    const double by = 1.0 / static_cast<double>(k - 1);
    for (std::size_t i = 1; i + 1 < k; ++i) u[i] = static_cast<double>(i) * by;
    u.front() = 0.0;
    u.back() = 1.0;
    return u;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::logic_error("palette map: bad hex digit");
}

}  // namespace

std::vector<std::string> sample_map(std::string_view map, std::size_t k) {
    const std::size_t n = map.size() / 6;
    if (n < 4 || map.size() % 6 != 0) throw std::logic_error("palette map: needs at least 4 colours of 6 hex digits");
    std::array<std::vector<double>, 3> lab;
    for (auto& channel : lab) channel.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Vec3 rgb{};
        for (std::size_t j = 0; j < 3; ++j)
            rgb[j] = static_cast<double>(hex_digit(map[6 * i + 2 * j]) * 16 + hex_digit(map[6 * i + 2 * j + 1])) / 255.0;
        const Vec3 v = lab_of_srgb(rgb);
        for (std::size_t j = 0; j < 3; ++j) lab[j].push_back(v[j]);
    }
    const std::vector<double> x = knots(n);
    const std::vector<double> u = sample_points(k);
    std::array<std::vector<double>, 3> at;
    for (std::size_t j = 0; j < 3; ++j) at[j] = FmmSpline(x, lab[j])(u);

    std::vector<std::string> out;
    out.reserve(k);
    for (std::size_t i = 0; i < k; ++i) {
        const Vec3 rgb = srgb_of_lab({at[0][i], at[1][i], at[2][i]});
        char text[8];
        unsigned byte[3];
        // colorRamp returns 255 * rgb; viridisLite divides by 255 again and
        // rgb() converts with (unsigned)(255 * v + 0.5).
        for (std::size_t j = 0; j < 3; ++j) byte[j] = static_cast<unsigned>(255.0 * (rgb[j] * 255.0 / 255.0) + 0.5);
        std::snprintf(text, sizeof text, "#%02X%02X%02X", byte[0], byte[1], byte[2]);
        out.emplace_back(text);
    }
    return out;
}

}  // namespace regio::style::detail
