#include "regio/aggregate/point_tally.hpp"

namespace regio::aggregate {

PointTally::PointTally(std::size_t regions, std::size_t weights)
    : m_regions(regions), m_weights(weights), m_invalid_sums(weights) {}

std::uint32_t PointTally::group_index(const std::string& name) {
    auto [it, fresh] = m_group_index.try_emplace(name, static_cast<std::uint32_t>(m_group_names.size()));
    if (fresh) {
        m_group_names.push_back(name);
        m_counts.emplace_back(m_regions + 1, 0);
        m_sums.emplace_back((m_regions + 1) * m_weights);
        m_key_sums.emplace_back(m_regions + 1, 0);
    }
    return it->second;
}

void PointTally::add_invalid(const double* weights) {
    ++m_invalid;
    for (std::size_t k = 0; k < m_weights; ++k) m_invalid_sums[k].add(weights[k]);
}

void PointTally::merge(const PointTally& other) {
    for (std::uint32_t g = 0; g < other.m_group_names.size(); ++g) {
        const std::uint32_t mine = group_index(other.m_group_names[g]);
        for (std::size_t r = 0; r <= m_regions; ++r) m_counts[mine][r] += other.m_counts[g][r];
        for (std::size_t i = 0; i < m_sums[mine].size(); ++i) m_sums[mine][i].add(other.m_sums[g][i]);
        for (std::size_t r = 0; r <= m_regions; ++r)
            m_key_sums[mine][r] = table::add_record_keys(m_key_sums[mine][r], other.m_key_sums[g][r]);
    }
    m_invalid += other.m_invalid;
    for (std::size_t k = 0; k < m_weights; ++k) m_invalid_sums[k].add(other.m_invalid_sums[k]);
}

std::int64_t PointTally::assigned_count() const {
    std::int64_t n = 0;
    for (const auto& counts : m_counts)
        for (std::size_t r = 0; r < m_regions; ++r) n += counts[r];
    return n;
}

std::int64_t PointTally::outside_count() const {
    std::int64_t n = 0;
    for (const auto& counts : m_counts) n += counts[m_regions];
    return n;
}

FixedSum PointTally::assigned_sum(std::size_t weight) const {
    FixedSum s;
    for (const auto& sums : m_sums)
        for (std::size_t r = 0; r < m_regions; ++r) s.add(sums[r * m_weights + weight]);
    return s;
}

FixedSum PointTally::outside_sum(std::size_t weight) const {
    FixedSum s;
    for (const auto& sums : m_sums) s.add(sums[m_regions * m_weights + weight]);
    return s;
}

}  // namespace regio::aggregate
