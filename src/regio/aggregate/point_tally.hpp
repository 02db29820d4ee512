#pragma once
// Per-thread tallies of points by region and group: counts and exact weight
// sums (FixedSum), mergeable by group name. Slot `regions` (one past the last
// region) holds the points outside every region.
#include "regio/aggregate/fixed_sum.hpp"
#include "regio/table/record_key.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace regio::aggregate {

class PointTally {
public:
    PointTally(std::size_t regions, std::size_t weights);

    // This tally's index for a group name (added on first sight).
    std::uint32_t group_index(const std::string& name);

    // region == regions() means outside every region.
    void add(std::size_t region, std::uint32_t group, const double* weights) {
        ++m_counts[group][region];
        // data() + offset, not &v[offset]: without weights the vector is
        // empty, and indexing it is undefined (UBSan: reference to null).
        FixedSum* sums = m_sums[group].data() + region * m_weights;
        for (std::size_t k = 0; k < m_weights; ++k) sums[k].add(weights[k]);
    }
    // Cell-key record keys (issue #17): the key sum of a cell, modulo 2^53.
    void add_key(std::size_t region, std::uint32_t group, std::uint64_t key) {
        m_key_sums[group][region] = table::add_record_keys(m_key_sums[group][region], key);
    }
    void add_invalid(const double* weights);
    void add_invalid_count(std::int64_t n) { m_invalid += n; }

    // Adds other's counts; groups are matched by name.
    void merge(const PointTally& other);

    [[nodiscard]] std::size_t regions() const { return m_regions; }
    [[nodiscard]] std::size_t weights() const { return m_weights; }
    [[nodiscard]] const std::vector<std::string>& group_names() const { return m_group_names; }
    [[nodiscard]] std::int64_t count(std::uint32_t group, std::size_t region) const { return m_counts[group][region]; }
    [[nodiscard]] const FixedSum& sum(std::uint32_t group, std::size_t region, std::size_t weight) const {
        return m_sums[group][region * m_weights + weight];
    }
    [[nodiscard]] std::uint64_t key_sum(std::uint32_t group, std::size_t region) const { return m_key_sums[group][region]; }
    [[nodiscard]] std::int64_t invalid() const { return m_invalid; }
    [[nodiscard]] const FixedSum& invalid_sum(std::size_t weight) const { return m_invalid_sums[weight]; }

    // Totals over groups: assigned (all regions), outside.
    [[nodiscard]] std::int64_t assigned_count() const;
    [[nodiscard]] std::int64_t outside_count() const;
    [[nodiscard]] FixedSum assigned_sum(std::size_t weight) const;
    [[nodiscard]] FixedSum outside_sum(std::size_t weight) const;

private:
    std::size_t m_regions;
    std::size_t m_weights;
    std::vector<std::string> m_group_names;
    std::unordered_map<std::string, std::uint32_t> m_group_index;
    std::vector<std::vector<std::int64_t>> m_counts;  // [group][region or outside]
    std::vector<std::vector<FixedSum>> m_sums;
    std::vector<std::vector<std::uint64_t>> m_key_sums;  // [group][region or outside]        // [group][(region or outside) * weights + k]
    std::int64_t m_invalid = 0;
    std::vector<FixedSum> m_invalid_sums;
};

}  // namespace regio::aggregate
