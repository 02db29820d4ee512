#pragma once
// Within-group sum of squared deviations of any run s[a..b) of sorted values
// in O(1), from prefix sums. The values are shifted by their overall mean
// first, which keeps the subtraction sum(x^2) - sum(x)^2/n well conditioned
// when the data sit far from zero (e.g. rates around 1e6).
#include <algorithm>
#include <cstddef>
#include <vector>

namespace regio::classify {

class PrefixSsd {
public:
    explicit PrefixSsd(const std::vector<double>& sorted) : m_sum(sorted.size() + 1, 0.0), m_sq(sorted.size() + 1, 0.0) {
        double total = 0.0;
        for (double v : sorted) total += v;
        m_shift = sorted.empty() ? 0.0 : total / static_cast<double>(sorted.size());
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            const double d = sorted[i] - m_shift;
            m_sum[i + 1] = m_sum[i] + d;
            m_sq[i + 1] = m_sq[i] + d * d;
        }
    }

    // SSD of s[a..b), a < b. Clamped at 0 against rounding.
    [[nodiscard]] double ssd(std::size_t a, std::size_t b) const {
        const double s = m_sum[b] - m_sum[a];
        const double q = m_sq[b] - m_sq[a];
        return std::max(0.0, q - s * s / static_cast<double>(b - a));
    }

    // Mean of s[a..b), a < b.
    [[nodiscard]] double mean(std::size_t a, std::size_t b) const {
        return m_shift + (m_sum[b] - m_sum[a]) / static_cast<double>(b - a);
    }

private:
    std::vector<double> m_sum;
    std::vector<double> m_sq;
    double m_shift = 0.0;
};

}  // namespace regio::classify
