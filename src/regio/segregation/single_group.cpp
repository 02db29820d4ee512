#include "regio/segregation/single_group.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace regio::segregation {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

struct Totals {
    double group = 0;  // X
    double all = 0;    // T
    [[nodiscard]] double share() const { return group / all; }
    // The index is undefined when nobody or everybody belongs to the group.
    [[nodiscard]] bool defined() const { return all > 0 && group > 0 && group < all; }
};

Totals totals_of(Counts x, Counts t) {
    Totals s;
    for (std::size_t i = 0; i < t.size(); ++i) {
        s.group += x[i];
        s.all += t[i];
    }
    return s;
}

double share(double x, double t) { return t > 0 ? x / t : 0.0; }

// -p ln p - (1-p) ln(1-p), with 0 ln 0 = 0.
double binary_entropy(double p) {
    double e = 0;
    if (p > 0) e -= p * std::log(p);
    if (p < 1) e -= (1 - p) * std::log(1 - p);
    return e;
}

}  // namespace

double dissimilarity(Counts x, Counts t) {
    const Totals s = totals_of(x, t);
    if (!s.defined()) return kUndefined;
    const double P = s.share();
    double sum = 0;
    for (std::size_t i = 0; i < t.size(); ++i) sum += t[i] * std::abs(share(x[i], t[i]) - P);
    return sum / (2 * s.all * P * (1 - P));
}

double isolation(Counts x, Counts t) {
    const Totals s = totals_of(x, t);
    if (!s.defined()) return kUndefined;
    double sum = 0;
    for (std::size_t i = 0; i < t.size(); ++i) sum += x[i] / s.group * share(x[i], t[i]);
    return sum;
}

double exposure(Counts x, Counts t) {
    const Totals s = totals_of(x, t);
    if (!s.defined()) return kUndefined;
    double sum = 0;
    for (std::size_t i = 0; i < t.size(); ++i) sum += x[i] / s.group * (1 - share(x[i], t[i]));
    return sum;
}

double entropy_index(Counts x, Counts t) {
    const Totals s = totals_of(x, t);
    if (!s.defined()) return kUndefined;
    const double E = binary_entropy(s.share());
    double sum = 0;
    for (std::size_t i = 0; i < t.size(); ++i) sum += t[i] * (E - binary_entropy(share(x[i], t[i])));
    return sum / (E * s.all);
}

double atkinson(Counts x, Counts t, double b) {
    const Totals s = totals_of(x, t);
    if (!s.defined()) return kUndefined;
    const double P = s.share();
    double sum = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const double p = share(x[i], t[i]);
        sum += std::pow(1 - p, 1 - b) * std::pow(p, b) * t[i];
    }
    return 1 - P / (1 - P) * std::pow(std::abs(sum / (P * s.all)), 1 / (1 - b));
}

double gini(Counts x, Counts t) {
    const Totals s = totals_of(x, t);
    if (!s.defined()) return kUndefined;
    const double P = s.share();
    // In ascending order of p, |p_i - p_j| = p_j - p_i for i before j, so the
    // double sum is 2 sum_j t_j (p_j W_j - V_j) with W_j, V_j the sums of t
    // and t p over the units before j.
    std::vector<std::size_t> order(t.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<double> p(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) p[i] = share(x[i], t[i]);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    double before_t = 0, before_tp = 0, sum = 0;
    for (std::size_t i : order) {
        sum += t[i] * (p[i] * before_t - before_tp);
        before_t += t[i];
        before_tp += t[i] * p[i];
    }
    return 2 * sum / (2 * s.all * s.all * P * (1 - P));
}

std::vector<double> location_quotients(Counts x, Counts t) {
    const Totals s = totals_of(x, t);
    std::vector<double> lq(t.size(), 0.0);
    if (!(s.group > 0)) return lq;
    for (std::size_t i = 0; i < t.size(); ++i) lq[i] = share(x[i], t[i]) / s.share();
    return lq;
}

double spatial_dissimilarity(Counts x, Counts t, const std::vector<std::vector<std::size_t>>& neighbours) {
    const double d = dissimilarity(x, t);
    if (std::isnan(d)) return d;
    double differences = 0, pairs = 0;
    for (std::size_t i = 0; i < neighbours.size(); ++i)
        for (std::size_t j : neighbours[i]) {
            differences += std::abs(share(x[i], t[i]) - share(x[j], t[j]));
            pairs += 1;
        }
    return pairs > 0 ? d - differences / pairs : d;
}

}  // namespace regio::segregation
