// Equal interval, quantiles, mean–standard deviation and head/tail breaks,
// exactly as defined in ../shared/spec/choropleth.md §2 (mapclassify's
// EqualInterval, quantile, StdMean, head_tail_breaks).
#include "regio/classify/breaks.hpp"

#include <algorithm>
#include <cmath>

namespace regio::classify::detail {

std::vector<double> equal_interval_breaks(const std::vector<double>& sorted, std::size_t k) {
    const double lo = sorted.front();
    const double hi = sorted.back();
    const double width = (hi - lo) / static_cast<double>(k);
    std::vector<double> bins;
    bins.reserve(k);
    // min + i·w (as numpy.arange does), not a running sum, so the rounding of
    // one bound does not carry into the next.
    for (std::size_t i = 1; i < k; ++i) bins.push_back(lo + static_cast<double>(i) * width);
    bins.push_back(hi);  // the last bound is max exactly (§2.1)
    return bins;
}

std::vector<double> quantile_breaks(const std::vector<double>& sorted, std::size_t k) {
    const std::size_t n = sorted.size();
    std::vector<double> bins;
    bins.reserve(k);
    for (std::size_t i = 1; i <= k; ++i) {
        if (i == k) {
            bins.push_back(sorted.back());  // Q(1) = s[n-1]
            continue;
        }
        const double p = static_cast<double>(i) / static_cast<double>(k);
        const double h = static_cast<double>(n - 1) * p;
        const auto lo = static_cast<std::size_t>(std::floor(h));
        if (lo + 1 >= n) {
            bins.push_back(sorted.back());
            continue;
        }
        const double frac = h - static_cast<double>(lo);
        bins.push_back(sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]));
    }
    return bins;
}

std::vector<double> std_mean_breaks(const std::vector<double>& sorted, std::vector<double> multiples) {
    const std::size_t n = sorted.size();
    double total = 0.0;
    for (double v : sorted) total += v;
    const double mean = total / static_cast<double>(n);
    double ss = 0.0;
    for (double v : sorted) ss += (v - mean) * (v - mean);
    // Sample sd (ddof = 1, as mapclassify); a single value has sd 0.
    const double sd = n > 1 ? std::sqrt(ss / static_cast<double>(n - 1)) : 0.0;

    std::sort(multiples.begin(), multiples.end());
    std::vector<double> bins;
    bins.reserve(multiples.size() + 1);
    for (double c : multiples) bins.push_back(mean + c * sd);
    if (bins.empty() || bins.back() < sorted.back()) bins.push_back(sorted.back());
    return bins;
}

std::vector<double> head_tail_breaks(const std::vector<double>& sorted) {
    std::vector<double> cuts;
    std::size_t begin = 0;  // the head is sorted[begin..n)
    const std::size_t n = sorted.size();
    while (begin < n) {
        if (sorted[begin] == sorted[n - 1]) {
            // All current values equal: use the value itself, not a computed
            // mean that may be off by an ulp, so the last cut is max(y).
            if (cuts.empty() || cuts.back() != sorted[n - 1]) cuts.push_back(sorted[n - 1]);
            break;
        }
        double total = 0.0;
        for (std::size_t i = begin; i < n; ++i) total += sorted[i];
        const double m = total / static_cast<double>(n - begin);
        if (!cuts.empty() && cuts.back() == m) break;
        cuts.push_back(m);
        begin = static_cast<std::size_t>(std::upper_bound(sorted.begin() + static_cast<std::ptrdiff_t>(begin), sorted.end(), m) -
                                         sorted.begin());
    }
    // Guard against a mean rounded to just past the maximum or an early stop:
    // the last cut must be max(y) exactly.
    if (cuts.back() > sorted.back()) cuts.back() = sorted.back();
    else if (cuts.back() < sorted.back()) cuts.push_back(sorted.back());
    return cuts;
}

}  // namespace regio::classify::detail
