#include "regio/indicators/ptable_builder.hpp"

#include "regio/error.hpp"
#include "regio/indicators/maxent_solver.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace regio::indicators {
namespace {

const std::string kSource = "ptable parameters";

[[noreturn]] void fail(const std::string& field, const std::string& why, const std::string& hint = {}) {
    Where where;
    where.file = kSource;
    where.field = field;
    throw ConfigError(why, where, hint);
}

void check(const PTableParameters& p) {
    if (p.max_perturbation < 1) fail("max_perturbation", fmt::format("max_perturbation {} must be at least 1", p.max_perturbation));
    if (p.max_perturbation > 1000) fail("max_perturbation", fmt::format("max_perturbation {} is implausibly large (at most 1000)", p.max_perturbation));
    if (!(p.variance > 0) || !std::isfinite(p.variance)) fail("variance", fmt::format("variance {} must be a positive number", p.variance));
    if (p.min_published < 1) fail("min_published", fmt::format("min_published {} must be at least 1", p.min_published));
    // An original count equal to js must be able to move down to stay
    // unbiased, and the only value below js it may take is 0.
    if (p.min_published > p.max_perturbation)
        fail("min_published", fmt::format("min_published {} exceeds max_perturbation {}: counts of {} could not be perturbed without bias",
                                          p.min_published, p.max_perturbation, p.min_published),
             "raise max_perturbation to at least min_published");
    if (p.p_stay && !(*p.p_stay > 0 && *p.p_stay < 1)) fail("p_stay", fmt::format("p_stay {} must lie strictly between 0 and 1", *p.p_stay));
}

// The values row i may publish: 0..i+D without (0, js), and not below i - D.
std::vector<std::int64_t> support(std::int64_t i, const PTableParameters& p) {
    std::vector<std::int64_t> js;
    for (std::int64_t j = std::max<std::int64_t>(0, i - p.max_perturbation); j <= i + p.max_perturbation; ++j)
        if (j == 0 || j >= p.min_published) js.push_back(j);
    return js;
}

// "(low, high)", the variances the row's deviations can reach.
std::string reachable(const std::vector<double>& deviations) {
    const auto range = reachable_variances(deviations, 0.0);
    return range ? fmt::format("({:g}, {:g})", range->low, range->high) : std::string("(none: no deviation below or above)");
}

double second_moment(const std::vector<double>& points, const std::vector<double>& p) {
    double m = 0;
    for (std::size_t k = 0; k < points.size(); ++k) m += p[k] * points[k] * points[k];
    return m;
}

std::vector<PTableEntry> build_row(std::int64_t i, const PTableParameters& p) {
    const std::vector<std::int64_t> js = support(i, p);
    const auto scale = static_cast<double>(p.max_perturbation);  // deviations of order 1 for Newton
    const bool publishable = i >= p.min_published;
    const bool fixed_stay = publishable && p.p_stay.has_value();
    std::vector<double> points;  // scaled deviations (j - i) / D, without i itself when its mass is fixed
    for (std::int64_t j : js)
        if (!(fixed_stay && j == i)) points.push_back(static_cast<double>(j - i) / scale);
    const double free_mass = fixed_stay ? 1.0 - *p.p_stay : 1.0;
    MomentTargets targets;
    if (publishable) targets.second = p.variance / free_mass / (scale * scale);
    auto solved = max_entropy(points, targets);
    // A row that cannot stay (0 < i < js) has variance at most V, as in the
    // ptable package (its variance is an upper bound there): when the
    // unconstrained solution spreads wider, the maximum-entropy row is the
    // one on the bound. When no row with every p > 0 gets down to V (V at or
    // below the smallest variance its points allow, e.g. D = 2, V = 1, js =
    // 2), the unconstrained row stays: still unbiased, written out for audit.
    if (!publishable && solved && second_moment(points, *solved) > p.variance / (scale * scale) * (1 + 1e-12)) {
        targets.second = p.variance / (scale * scale);
        if (auto bounded = max_entropy(points, targets)) solved = std::move(bounded);
    }
    if (!solved) {
        for (double& x : points) x *= scale;
        const std::string what = fixed_stay ? fmt::format("variance / (1 - p_stay) = {:g}", p.variance / free_mass)
                                            : fmt::format("variance {:g}", p.variance);
        fail("variance", fmt::format("no perturbation of original value {} has {}: with max_perturbation {} and min_published {} it must lie in {}",
                                     i, what, p.max_perturbation, p.min_published, reachable(points)));
    }
    std::vector<PTableEntry> row;
    std::size_t k = 0;
    for (std::int64_t j : js) {
        PTableEntry e;
        e.i = i;
        e.j = j;
        e.p = fixed_stay && j == i ? *p.p_stay : free_mass * (*solved)[k++];
        row.push_back(e);
    }
    return row;
}

}  // namespace

PTable build_ptable(const PTableParameters& parameters) {
    check(parameters);
    std::vector<PTableEntry> entries{PTableEntry{0, 0, 1.0, 0, 0, 0}};
    for (std::int64_t i = 1; i <= parameters.min_published + parameters.max_perturbation; ++i) {
        std::vector<PTableEntry> row = build_row(i, parameters);
        entries.insert(entries.end(), row.begin(), row.end());
    }
    return PTable::from_entries(std::move(entries), kSource);
}

}  // namespace regio::indicators
