#include "regio/indicators/maxent_solver.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace regio::indicators {
namespace {

constexpr int kMaxIterations = 200;
constexpr double kGradientTolerance = 1e-15;
constexpr double kSmallestStep = 1e-10;
// Moments of order-1 points computed in doubles are exact to about 1e-16 per
// term; a gradient below this is as converged as doubles allow.
constexpr double kRoundingFloor = 1e-12;

// Moments of the exponential family at lambda: log Z - lambda . c (the dual
// objective), the gradient E[f] - c and the Hessian Cov(f).
struct DualState {
    double objective = 0;
    std::array<double, 2> gradient{};
    std::array<std::array<double, 2>, 2> hessian{};
    std::vector<double> p;
};

DualState evaluate(const std::vector<double>& x, const std::array<double, 2>& c, int features, const std::array<double, 2>& lambda) {
    DualState s;
    s.p.resize(x.size());
    double top = -INFINITY;
    for (std::size_t k = 0; k < x.size(); ++k) {
        const double exponent = lambda[0] * x[k] + (features == 2 ? lambda[1] * x[k] * x[k] : 0.0);
        s.p[k] = exponent;
        top = std::max(top, exponent);
    }
    double z = 0;
    for (double& v : s.p) z += (v = std::exp(v - top));  // shifted: no overflow
    std::array<double, 2> mean{};
    for (std::size_t k = 0; k < x.size(); ++k) {
        s.p[k] /= z;
        mean[0] += s.p[k] * x[k];
        mean[1] += s.p[k] * x[k] * x[k];
    }
    for (std::size_t k = 0; k < x.size(); ++k) {
        const std::array<double, 2> d{x[k] - mean[0], x[k] * x[k] - mean[1]};
        for (int a = 0; a < features; ++a)
            for (int b = 0; b < features; ++b) s.hessian[a][b] += s.p[k] * d[a] * d[b];
    }
    s.objective = std::log(z) + top;
    for (int a = 0; a < features; ++a) {
        s.objective -= lambda[a] * c[a];
        s.gradient[a] = mean[a] - c[a];
    }
    return s;
}

double gradient_norm(const DualState& s) { return std::max(std::abs(s.gradient[0]), std::abs(s.gradient[1])); }

// Solves H d = -g for one or two unknowns; false when H is singular.
bool newton_direction(const DualState& s, int features, std::array<double, 2>& d) {
    if (features == 1) {
        if (!(s.hessian[0][0] > 0)) return false;
        d = {-s.gradient[0] / s.hessian[0][0], 0};
        return true;
    }
    const double det = s.hessian[0][0] * s.hessian[1][1] - s.hessian[0][1] * s.hessian[1][0];
    if (!(det > 0)) return false;
    d[0] = -(s.hessian[1][1] * s.gradient[0] - s.hessian[0][1] * s.gradient[1]) / det;
    d[1] = -(s.hessian[0][0] * s.gradient[1] - s.hessian[1][0] * s.gradient[0]) / det;
    return true;
}

bool reachable(const std::vector<double>& points, const MomentTargets& targets) {
    const auto range = reachable_variances(points, targets.mean);
    if (!range) return false;
    if (!targets.second) return true;
    const double variance = *targets.second - targets.mean * targets.mean;
    // Strictly inside, with a margin for rounding: on the boundary some p is 0
    // and Newton would only creep towards it.
    const double margin = 1e-12 * range->high;
    return variance > range->low + margin && variance < range->high - margin;
}

}  // namespace

std::optional<VarianceRange> reachable_variances(const std::vector<double>& points, double mean) {
    double near_below = INFINITY, far_below = 0, near_above = INFINITY, far_above = 0;
    bool at_mean = false;
    for (double x : points) {
        const double d = x - mean;
        if (d < 0) near_below = std::min(near_below, -d), far_below = std::max(far_below, -d);
        if (d > 0) near_above = std::min(near_above, d), far_above = std::max(far_above, d);
        if (d == 0) at_mean = true;
    }
    if (far_below == 0 || far_above == 0) return std::nullopt;
    return VarianceRange{at_mean ? 0.0 : near_below * near_above, far_below * far_above};
}

std::optional<std::vector<double>> max_entropy(const std::vector<double>& points, const MomentTargets& targets) {
    if (points.size() < 2 || !reachable(points, targets)) return std::nullopt;
    const int features = targets.second ? 2 : 1;
    const std::array<double, 2> c{targets.mean, targets.second.value_or(0.0)};
    std::array<double, 2> lambda{};
    DualState s = evaluate(points, c, features, lambda);
    for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
        if (gradient_norm(s) <= kGradientTolerance) return s.p;
        std::array<double, 2> d{};
        if (!newton_direction(s, features, d)) return std::nullopt;
        // Backtracking: accept a step that decreases the dual (Armijo) or,
        // near the optimum where that decrease is below what the objective's
        // doubles resolve, the gradient; far from the optimum a full Newton
        // step can overshoot.
        const double slope = d[0] * s.gradient[0] + d[1] * s.gradient[1];
        double step = 1;
        DualState next;
        for (;; step /= 2) {
            if (step < kSmallestStep) return gradient_norm(s) <= kRoundingFloor ? std::optional(s.p) : std::nullopt;
            next = evaluate(points, c, features, {lambda[0] + step * d[0], lambda[1] + step * d[1]});
            const bool dual_decreases = next.objective < s.objective && next.objective <= s.objective + 1e-4 * step * slope;
            if (dual_decreases || gradient_norm(next) < gradient_norm(s)) break;
        }
        lambda = {lambda[0] + step * d[0], lambda[1] + step * d[1]};
        s = std::move(next);
    }
    return gradient_norm(s) <= kRoundingFloor ? std::optional(s.p) : std::nullopt;
}

}  // namespace regio::indicators
