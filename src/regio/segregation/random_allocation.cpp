#include "regio/segregation/random_allocation.hpp"

#include <algorithm>
#include <cmath>

namespace regio::segregation {
namespace {

double log_factorial(std::int64_t k) { return std::lgamma(static_cast<double>(k) + 1.0); }

// Draws one by one: each draw is good with the share of good ones left.
std::int64_t draw_one_by_one(std::int64_t good, std::int64_t bad, std::int64_t sample, Uniform& uniform) {
    std::int64_t drawn_good = 0;
    for (std::int64_t k = 0; k < sample; ++k) {
        const std::int64_t left = good + bad;
        if (uniform() * static_cast<double>(left) < static_cast<double>(good)) {
            --good;
            ++drawn_good;
        } else {
            --bad;
        }
    }
    return drawn_good;
}

// Ratio of uniforms with a table mountain hat around the mode (Stadlober):
// for sample <= half the population and good <= bad. Returns the good count.
std::int64_t draw_ratio_of_uniforms(std::int64_t good, std::int64_t bad, std::int64_t sample, Uniform& uniform) {
    const auto population = static_cast<double>(good + bad);
    const double n = static_cast<double>(sample);
    const double p = static_cast<double>(good) / population;
    const double mean = n * p;
    const double variance = (population - n) * n * p * (1 - p) / (population - 1);
    const double a = mean + 0.5;
    const double c = std::sqrt(variance + 0.5);
    // 2 sqrt(2/e) and 3 - 2 sqrt(3/e): the hat's constants.
    const double h = 1.7155277699214135 * c + 0.8989161620588988;
    const auto mode = static_cast<std::int64_t>(std::floor((n + 1) * (static_cast<double>(good) + 1) / (population + 2)));
    auto log_weight = [&](std::int64_t k) {
        return log_factorial(k) + log_factorial(good - k) + log_factorial(sample - k) + log_factorial(bad - sample + k);
    };
    const double g = log_weight(mode);
    const double upper = std::min(static_cast<double>(std::min(sample, good) + 1), std::floor(a + 16 * c));
    while (true) {
        const double u = uniform();
        const double v = uniform();
        if (u <= 0) continue;
        const double x = a + h * (v - 0.5) / u;
        if (x < 0 || x >= upper) continue;
        const auto k = static_cast<std::int64_t>(std::floor(x));
        const double t = g - log_weight(k);  // ln of f(k)/f(mode)
        if (u * (4 - u) - 3 <= t) return k;   // quick acceptance
        if (u * (u - t) >= 1) continue;       // quick rejection
        if (2 * std::log(u) <= t) return k;   // exact test
    }
}

}  // namespace

std::int64_t hypergeometric(std::int64_t good, std::int64_t bad, std::int64_t sample, Uniform& uniform) {
    const std::int64_t population = good + bad;
    if (sample <= 0 || good <= 0) return 0;
    if (bad <= 0) return sample;
    if (sample >= population) return good;
    // Symmetries: draw the smaller of sample and its complement, and count
    // the smaller of the two kinds.
    const std::int64_t small_sample = std::min(sample, population - sample);
    const std::int64_t few = std::min(good, bad), many = std::max(good, bad);
    const std::int64_t k = small_sample <= 24 ? draw_one_by_one(few, many, small_sample, uniform)
                                               : draw_ratio_of_uniforms(few, many, small_sample, uniform);
    std::int64_t of_good = good <= bad ? k : small_sample - k;  // good ones among the small sample
    if (small_sample < sample) of_good = good - of_good;        // the complement was drawn
    return of_good;
}

GroupCounts random_allocation(const GroupCounts& counts, Uniform& uniform) {
    const std::size_t K = counts.size();
    const std::size_t n = K ? counts[0].size() : 0;
    std::vector<std::int64_t> left(K, 0);
    std::int64_t left_total = 0;
    for (std::size_t m = 0; m < K; ++m) {
        for (double v : counts[m]) left[m] += static_cast<std::int64_t>(v);
        left_total += left[m];
    }
    GroupCounts out(K, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        std::int64_t places = 0;
        for (std::size_t m = 0; m < K; ++m) places += static_cast<std::int64_t>(counts[m][i]);
        std::int64_t pool = left_total;
        left_total -= places;
        // Group by group: the unit's remaining places filled from the groups not yet drawn.
        for (std::size_t m = 0; m < K && places > 0; ++m) {
            const std::int64_t others = pool - left[m];
            const std::int64_t k = m + 1 == K ? places : hypergeometric(left[m], others, places, uniform);
            out[m][i] = static_cast<double>(k);
            left[m] -= k;
            places -= k;
            pool = others;
        }
    }
    return out;
}

}  // namespace regio::segregation
