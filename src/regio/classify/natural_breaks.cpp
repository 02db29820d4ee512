// "Natural breaks" as mapclassify's NaturalBreaks (../shared/spec/choropleth.md
// §2.4): one-dimensional k-means with k-means++ starts, keeping the start with
// the least within-cluster sum of squares. Random by nature, so it runs only
// with a caller-given seed; the random numbers come from std::mt19937_64
// (fully specified by the standard) through our own conversions, because the
// std:: distributions are implementation-defined and would make the breaks
// differ between standard libraries.
#include "regio/classify/breaks.hpp"
#include "regio/classify/prefix_ssd.hpp"

#include <algorithm>
#include <limits>
#include <random>

namespace regio::classify::detail {

namespace {

// Uniform in [0, 1) from the top 53 bits.
double uniform01(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Uniform integer in [0, n), unbiased (rejects the short last block).
std::size_t uniform_index(std::mt19937_64& rng, std::size_t n) {
    const std::uint64_t bound = n;
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t r = rng();
    while (r >= limit) r = rng();
    return static_cast<std::size_t>(r % bound);
}

// k-means++ (Arthur & Vassilvitskii 2007): the first centre uniformly, each
// next one with probability proportional to the squared distance to the
// nearest centre chosen so far.
std::vector<double> kmeanspp(const std::vector<double>& s, std::size_t k, std::mt19937_64& rng) {
    std::vector<double> centres{s[uniform_index(rng, s.size())]};
    std::vector<double> d2(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) d2[i] = (s[i] - centres[0]) * (s[i] - centres[0]);
    std::vector<double> cumulative(s.size());
    while (centres.size() < k) {
        double total = 0.0;
        for (std::size_t i = 0; i < s.size(); ++i) cumulative[i] = total += d2[i];
        if (total <= 0.0) break;  // fewer distinct values than k: cannot happen, the caller checks
        const double target = uniform01(rng) * total;
        auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
        if (it == cumulative.end()) it = std::lower_bound(cumulative.begin(), cumulative.end(), total);
        const double c = s[static_cast<std::size_t>(it - cumulative.begin())];
        centres.push_back(c);
        for (std::size_t i = 0; i < s.size(); ++i) d2[i] = std::min(d2[i], (s[i] - c) * (s[i] - c));
    }
    std::sort(centres.begin(), centres.end());
    return centres;
}

struct Clusters {
    std::vector<std::size_t> ends;  // cluster j is s[ends[j-1] .. ends[j]) (ends[-1] = 0)
    double cost = 0.0;
};

// Nearest-centre assignment on sorted data is contiguous: cluster j ends at
// the midpoint to centre j+1 (a value on the midpoint goes to the lower one).
std::vector<std::size_t> assign(const std::vector<double>& s, const std::vector<double>& centres) {
    std::vector<std::size_t> ends(centres.size(), s.size());
    for (std::size_t j = 0; j + 1 < centres.size(); ++j) {
        const double mid = centres[j] + (centres[j + 1] - centres[j]) / 2.0;
        ends[j] = static_cast<std::size_t>(std::upper_bound(s.begin(), s.end(), mid) - s.begin());
    }
    return ends;
}

// Lloyd iterations until the assignment stops changing.
Clusters lloyd(const std::vector<double>& s, const PrefixSsd& sums, std::vector<double> centres) {
    constexpr int k_max_iterations = 300;  // sklearn's default max_iter
    std::vector<std::size_t> ends = assign(s, centres);
    for (int iteration = 0; iteration < k_max_iterations; ++iteration) {
        std::size_t begin = 0;
        for (std::size_t j = 0; j < centres.size(); ++j) {
            if (ends[j] > begin) centres[j] = sums.mean(begin, ends[j]);  // empty cluster: keep its centre
            begin = std::max(begin, ends[j]);
        }
        std::sort(centres.begin(), centres.end());
        std::vector<std::size_t> next = assign(s, centres);
        if (next == ends) break;
        ends = std::move(next);
    }
    Clusters out{ends, 0.0};
    std::size_t begin = 0;
    for (std::size_t end : ends) {
        if (end > begin) out.cost += sums.ssd(begin, end);
        begin = std::max(begin, end);
    }
    return out;
}

}  // namespace

std::vector<double> natural_breaks(const std::vector<double>& sorted, std::size_t k, std::uint64_t seed,
                                   std::size_t starts) {
    std::mt19937_64 rng(seed);
    const PrefixSsd sums(sorted);
    Clusters best{{}, std::numeric_limits<double>::infinity()};
    for (std::size_t start = 0; start < std::max<std::size_t>(starts, 1); ++start) {
        Clusters run = lloyd(sorted, sums, kmeanspp(sorted, k, rng));
        if (run.cost < best.cost) best = std::move(run);  // strict: the earliest start wins ties
    }
    std::vector<double> bins;
    std::size_t begin = 0;
    for (std::size_t end : best.ends) {
        if (end > begin) bins.push_back(sorted[end - 1]);  // empty clusters give no bound
        begin = std::max(begin, end);
    }
    return bins;
}

}  // namespace regio::classify::detail
