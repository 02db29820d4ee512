#include "regio/segregation/single_group.hpp"
#include "regio/segregation/undefined_index.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>
#include <cmath>

namespace regio::segregation {
namespace {

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

using ShareWeight = std::pair<double, double>;  // (p, t)

// -p ln p - (1-p) ln(1-p), with 0 ln 0 = 0.
double binary_entropy(double p) {
    double e = 0;
    if (p > 0) e -= p * std::log(p);
    if (p < 1) e -= (1 - p) * std::log(1 - p);
    return e;
}

}  // namespace

SingleGroupIndices single_group_indices(Counts x, Counts t, GiniScratch* scratch) {
    const Totals s = totals_of(x, t);
    if (!s.defined()) return {kUndefinedIndex, kUndefinedIndex, kUndefinedIndex, kUndefinedIndex, kUndefinedIndex, kUndefinedIndex};
    const double P = s.share();
    const double E = binary_entropy(P);
    double spread = 0, own = 0, diversity_loss = 0, atkinson_sum = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!(t[i] > 0)) continue;  // p_i = 0 and weight 0: nothing to add
        const double p = x[i] / t[i];
        spread += t[i] * std::abs(p - P);
        own += x[i] * p;
        diversity_loss += t[i] * (E - binary_entropy(p));
        atkinson_sum += std::sqrt((1 - p) * p) * t[i];  // b = 0.5
    }
    const double isolation = own / s.group;
    const double atkinson_ratio = atkinson_sum / (P * s.all);
    return {spread / (2 * s.all * P * (1 - P)),
            isolation,
            1 - isolation,  // xPy = sum (x_i / X)(1 - p_i) = 1 - xPx
            diversity_loss / (E * s.all),
            1 - P / (1 - P) * atkinson_ratio * atkinson_ratio,
            scratch ? gini(x, t, *scratch) : kUndefinedIndex};
}

double dissimilarity(Counts x, Counts t) { return single_group_indices(x, t, nullptr).dissimilarity; }
double isolation(Counts x, Counts t) { return single_group_indices(x, t, nullptr).isolation; }
double exposure(Counts x, Counts t) { return single_group_indices(x, t, nullptr).exposure; }
double entropy_index(Counts x, Counts t) { return single_group_indices(x, t, nullptr).entropy; }

double atkinson(Counts x, Counts t, double b) {
    if (b == 0.5) return single_group_indices(x, t, nullptr).atkinson;
    const Totals s = totals_of(x, t);
    if (!s.defined()) return kUndefinedIndex;
    const double P = s.share();
    double sum = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const double p = share(x[i], t[i]);
        sum += std::pow(1 - p, 1 - b) * std::pow(p, b) * t[i];
    }
    return 1 - P / (1 - P) * std::pow(std::abs(sum / (P * s.all)), 1 / (1 - b));
}

namespace {

// Sorts (p, t) pairs by p: an LSD radix sort on the high 32 bits of p (which
// order like the numbers for p >= 0), two passes of 16 bits, then each run of
// equal high bits sorted by the full value (short runs). Linear in practice:
// a million units are sorted 40 times in a scale and bandwidth profile.
void sort_by_share(std::vector<ShareWeight>& items, std::vector<ShareWeight>& buffer) {
    buffer.resize(items.size());
    auto high = [](double p) { return static_cast<std::uint32_t>(std::bit_cast<std::uint64_t>(p) >> 32); };
    std::vector<std::size_t> count(std::size_t{1} << 16);
    for (int shift = 0; shift < 32; shift += 16) {
        std::fill(count.begin(), count.end(), 0);
        for (const auto& item : items) ++count[(high(item.first) >> shift) & 0xffff];
        std::size_t start = 0;
        for (auto& c : count) start += std::exchange(c, start);
        for (const auto& item : items) buffer[count[(high(item.first) >> shift) & 0xffff]++] = item;
        items.swap(buffer);
    }
    for (std::size_t a = 0; a < items.size();) {
        std::size_t b = a + 1;
        bool mixed = false;
        while (b < items.size() && high(items[b].first) == high(items[a].first)) mixed |= items[b++].first != items[a].first;
        if (mixed) std::sort(items.begin() + static_cast<std::ptrdiff_t>(a), items.begin() + static_cast<std::ptrdiff_t>(b),
                             [](const ShareWeight& u, const ShareWeight& v) { return u.first < v.first; });
        a = b;
    }
}

}  // namespace

double gini(Counts x, Counts t) {
    GiniScratch scratch;
    return gini(x, t, scratch);
}

double gini(Counts x, Counts t, GiniScratch& scratch) {
    const Totals s = totals_of(x, t);
    if (!s.defined()) return kUndefinedIndex;
    const double P = s.share();
    // In ascending order of p, |p_i - p_j| = p_j - p_i for i before j, so the
    // double sum is 2 sum_j t_j (p_j W_j - V_j) with W_j, V_j the sums of t
    // and t p over the units before j (ties contribute 0 either way).
    std::vector<ShareWeight>& items = scratch.items;
    items.clear();
    items.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i] > 0) items.emplace_back(x[i] / t[i], t[i]);
    sort_by_share(items, scratch.buffer);
    double before_t = 0, before_tp = 0, sum = 0;
    for (const auto& [p, w] : items) {
        sum += w * (p * before_t - before_tp);
        before_t += w;
        before_tp += w * p;
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

double neighbour_difference(Counts x, Counts t, const NeighbourPairs& neighbours) {
    if (neighbours.empty()) return 0;
    double differences = 0;
    for (const auto& [i, j] : neighbours) differences += std::abs(share(x[i], t[i]) - share(x[j], t[j]));
    return differences / static_cast<double>(neighbours.size());
}

double spatial_dissimilarity(Counts x, Counts t, const NeighbourPairs& neighbours) {
    return dissimilarity(x, t) - neighbour_difference(x, t, neighbours);
}

}  // namespace regio::segregation
