#include "regio/segregation/composition.hpp"

namespace regio::segregation {

double Composition::group_total(std::size_t m) const {
    double sum = 0;
    for (double v : counts[m]) sum += v;
    return sum;
}

double Composition::total() const {
    double sum = 0;
    for (double v : totals) sum += v;
    return sum;
}

Composition select_units(const Composition& all, const std::vector<std::size_t>& units) {
    Composition out{all.mode, all.groups, std::vector<std::vector<double>>(all.counts.size()), {}};
    out.totals.reserve(units.size());
    for (std::size_t i : units) out.totals.push_back(all.totals[i]);
    for (std::size_t m = 0; m < all.counts.size(); ++m) {
        out.counts[m].reserve(units.size());
        for (std::size_t i : units) out.counts[m].push_back(all.counts[m][i]);
    }
    return out;
}

Composition merge_units(const Composition& all, const std::vector<std::size_t>& part_of, std::size_t parts) {
    Composition out{all.mode, all.groups, std::vector<std::vector<double>>(all.counts.size(), std::vector<double>(parts, 0.0)),
                    std::vector<double>(parts, 0.0)};
    for (std::size_t i = 0; i < all.units(); ++i) {
        out.totals[part_of[i]] += all.totals[i];
        for (std::size_t m = 0; m < all.counts.size(); ++m) out.counts[m][part_of[i]] += all.counts[m][i];
    }
    return out;
}

std::vector<std::vector<double>> partition_counts(const Composition& c) {
    if (c.mode == GroupMode::Partition) return c.counts;
    std::vector<double> rest(c.units());
    for (std::size_t i = 0; i < c.units(); ++i) rest[i] = c.totals[i] - c.counts[0][i];
    return {c.counts[0], std::move(rest)};
}

}  // namespace regio::segregation
