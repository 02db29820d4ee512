#include "regio/classify/fisher_jenks.hpp"

#include "regio/classify/prefix_ssd.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace regio::classify {

// The DP: D[j][i] = least cost of the first i values in j groups
//       = min over t in [j-1, i-1] of D[j-1][t] + SSD(s[t..i)).
// Done naively this is O(k·n²), far too slow at n = 100,000. SSD over sorted
// data satisfies the quadrangle inequality, so the (smallest) best t is
// non-decreasing in i; divide and conquer over i then needs O(n log n) per
// level (the optimisation Ckmeans.1d.dp uses; Wang & Song 2011, Grønlund et
// al. 2017).
namespace {

class Level {
public:
    Level(const PrefixSsd& ssd, const std::vector<double>& prev, std::vector<double>& cur, std::vector<std::size_t>& arg)
        : m_ssd(ssd), m_prev(prev), m_cur(cur), m_arg(arg) {}

    // Fills cur[i] and arg[i] for i in [lo, hi], knowing the best t lies in
    // [tlo, thi].
    void solve(std::size_t lo, std::size_t hi, std::size_t tlo, std::size_t thi) {
        while (lo <= hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            const std::size_t last = std::min(thi, mid - 1);
            double best = std::numeric_limits<double>::infinity();
            std::size_t best_t = tlo;
            for (std::size_t t = tlo; t <= last; ++t) {
                const double cost = m_prev[t] + m_ssd.ssd(t, mid);
                if (cost < best) {  // strict: the smallest t wins ties
                    best = cost;
                    best_t = t;
                }
            }
            m_cur[mid] = best;
            m_arg[mid] = best_t;
            if (mid > lo) solve(lo, mid - 1, tlo, best_t);
            // Tail loop instead of a second recursive call.
            lo = mid + 1;
            tlo = best_t;
        }
    }

private:
    const PrefixSsd& m_ssd;
    const std::vector<double>& m_prev;
    std::vector<double>& m_cur;
    std::vector<std::size_t>& m_arg;
};

}  // namespace

std::vector<double> fisher_jenks_breaks(const std::vector<double>& sorted, std::size_t k) {
    const std::size_t n = sorted.size();
    if (k == 0 || n == 0) return {};
    const PrefixSsd ssd(sorted);

    // prev[i] = D[j-1][i]; args[j][i] = start of the j-th group ending at i.
    std::vector<double> prev(n + 1, std::numeric_limits<double>::infinity());
    std::vector<double> cur(n + 1, std::numeric_limits<double>::infinity());
    for (std::size_t i = 1; i <= n; ++i) prev[i] = ssd.ssd(0, i);
    std::vector<std::vector<std::size_t>> args(k + 1);

    for (std::size_t j = 2; j <= k; ++j) {
        args[j].assign(n + 1, 0);
        std::fill(cur.begin(), cur.end(), std::numeric_limits<double>::infinity());
        Level level(ssd, prev, cur, args[j]);
        // The last level only needs D[k][n].
        const std::size_t lo = (j == k) ? n : j;
        level.solve(lo, n, j - 1, n - 1);
        std::swap(prev, cur);
    }

    std::vector<double> bins(k);
    std::size_t end = n;
    for (std::size_t j = k; j >= 1; --j) {
        bins[j - 1] = sorted[end - 1];
        end = (j == 1) ? 0 : args[j][end];
    }
    return bins;
}

}  // namespace regio::classify
