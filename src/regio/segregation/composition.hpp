#pragma once
// The counts every segregation index reads (../shared/spec/segregation.md §1):
// units i = 0..n-1, groups m = 0..K-1, counts[m][i], and each unit's total t_i.
//
//  OneAgainstTotal: one group (K = 1) against the rest of a given total
//                   (t_i >= x_i);
//  Partition:       K >= 2 groups that partition the population
//                   (t_i = sum over m of counts[m][i]).
#include <cstddef>
#include <string>
#include <vector>

namespace regio::segregation {

enum class GroupMode { OneAgainstTotal, Partition };

struct Composition {
    GroupMode mode = GroupMode::Partition;
    std::vector<std::string> groups;          // names, one per counts row
    std::vector<std::vector<double>> counts;  // counts[m][i]
    std::vector<double> totals;               // t_i

    [[nodiscard]] std::size_t units() const { return totals.size(); }
    // Sum of group m over all units.
    [[nodiscard]] double group_total(std::size_t m) const;
    [[nodiscard]] double total() const;
};

// The composition of the listed units only, in the listed order.
Composition select_units(const Composition& all, const std::vector<std::size_t>& units);

// The composition of groups of units: unit i goes to part part_of[i]
// (< parts); counts and totals are summed (a coarser scale, or districts).
Composition merge_units(const Composition& all, const std::vector<std::size_t>& part_of, std::size_t parts);

// The counts of every category, in partition form: the K groups of a
// partition, or for one group against the total the group and the rest
// (t_i - x_i). The multigroup indices and random allocation read this.
std::vector<std::vector<double>> partition_counts(const Composition& c);

}  // namespace regio::segregation
