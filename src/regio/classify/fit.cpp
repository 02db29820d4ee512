#include "regio/classify/fit.hpp"

#include <cmath>

namespace regio::classify {

namespace {

// Two-pass sum of squared deviations of s[a..b) (exact enough for reporting,
// and independent of the prefix sums used by the optimiser).
double ssd(const std::vector<double>& s, std::size_t a, std::size_t b) {
    double total = 0.0;
    for (std::size_t i = a; i < b; ++i) total += s[i];
    const double mean = total / static_cast<double>(b - a);
    double out = 0.0;
    for (std::size_t i = a; i < b; ++i) out += (s[i] - mean) * (s[i] - mean);
    return out;
}

// Median of the sorted run s[a..b): the middle value, or the mean of the two.
double median(const std::vector<double>& s, std::size_t a, std::size_t b) {
    const std::size_t n = b - a;
    const std::size_t mid = a + n / 2;
    return n % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2.0;
}

}  // namespace

Fit measure_fit(const std::vector<double>& sorted, const std::vector<std::size_t>& counts) {
    Fit fit;
    if (sorted.empty()) return fit;
    const double sdam = ssd(sorted, 0, sorted.size());
    double sdcm = 0.0;
    std::size_t begin = 0;
    for (std::size_t count : counts) {
        if (count == 0) continue;
        const std::size_t end = begin + count;
        sdcm += ssd(sorted, begin, end);
        const double m = median(sorted, begin, end);
        for (std::size_t i = begin; i < end; ++i) fit.adcm += std::abs(sorted[i] - m);
        begin = end;
    }
    fit.gvf = sdam > 0.0 ? 1.0 - sdcm / sdam : 1.0;
    return fit;
}

}  // namespace regio::classify
