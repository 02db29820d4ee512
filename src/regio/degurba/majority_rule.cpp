#include "regio/degurba/majority_rule.hpp"

#include "regio/degurba/cell_flags.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace regio::degurba {

namespace {

constexpr std::array<std::pair<int, int>, 8> neighbours{
    {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}}};

class Smoother {
public:
    Smoother(std::int64_t cols, std::int64_t rows, const std::vector<std::uint8_t>& flags, const Options& options,
             std::vector<std::int32_t>& centre_id)
        : m_cols(cols), m_rows(rows), m_flags(flags), m_rule(options.majority_rule),
          m_min_neighbours(options.majority_min_neighbours), m_id(centre_id),
          m_queued(static_cast<std::size_t>(cols * rows), false) {}

    SmoothingStats run() {
        SmoothingStats stats;
        // Pass 1 looks at every non-centre cell next to a centre. A cell's
        // counts change only when a neighbour joins, so later passes need to
        // look only around the cells the previous pass added; this is the
        // same as re-evaluating the whole grid each pass.
        for (std::int64_t i = 0; i < m_cols * m_rows; ++i)
            if (m_id[static_cast<std::size_t>(i)] != 0) queue_neighbours(i);
        std::vector<std::pair<std::int64_t, std::int32_t>> added;
        for (;;) {
            ++stats.passes;  // a pass with no candidates still confirms the fixed point
            added.clear();
            for (const std::int64_t i : m_candidates) {
                m_queued[static_cast<std::size_t>(i)] = false;
                if (const std::int32_t centre = winner(i); centre != 0) added.emplace_back(i, centre);
            }
            m_candidates.clear();
            if (added.empty()) break;
            // Apply after the whole pass (synchronous, as the spec's examples).
            for (const auto& [i, centre] : added) m_id[static_cast<std::size_t>(i)] = centre;
            for (const auto& [i, centre] : added) queue_neighbours(i);
            stats.cells_added += static_cast<std::int64_t>(added.size());
        }
        return stats;
    }

private:
    void queue_neighbours(std::int64_t i) {
        const std::int64_t r = i / m_cols;
        const std::int64_t c = i % m_cols;
        for (const auto& [dr, dc] : neighbours) {
            const std::int64_t nr = r + dr;
            const std::int64_t nc = c + dc;
            if (nr < 0 || nr >= m_rows || nc < 0 || nc >= m_cols) continue;
            const auto j = static_cast<std::size_t>(nr * m_cols + nc);
            if (m_id[j] != 0 || m_queued[j]) continue;
            // R2023A never adds permanent water (§2.1 step 4).
            if (m_rule == MajorityRule::R2023A && (m_flags[j] & Water) != 0) continue;
            m_queued[j] = true;
            m_candidates.push_back(static_cast<std::int64_t>(j));
        }
    }

    // The centre cell i joins, or 0. Neighbours are counted per centre (§2.1
    // step 4), so two centres never merge: at most one can hold a majority.
    std::int32_t winner(std::int64_t i) const {
        const std::int64_t r = i / m_cols;
        const std::int64_t c = i % m_cols;
        std::array<std::int32_t, 8> ids{};
        std::array<int, 8> counts{};
        int distinct = 0;
        int voters = 0;  // R2023A denominator
        for (const auto& [dr, dc] : neighbours) {
            const std::int64_t nr = r + dr;
            const std::int64_t nc = c + dc;
            if (nr < 0 || nr >= m_rows || nc < 0 || nc >= m_cols) {
                // §1: neighbours outside the grid count as "not in cluster".
                ++voters;
                continue;
            }
            const auto j = static_cast<std::size_t>(nr * m_cols + nc);
            const std::int32_t id = m_id[j];
            if (id == 0) {
                if ((m_flags[j] & MajorityVoter) != 0) ++voters;
                continue;
            }
            ++voters;  // a centre cell always counts
            int k = 0;
            while (k < distinct && ids[k] != id) ++k;
            if (k == distinct) ids[distinct++] = id;
            ++counts[k];
        }
        if (distinct == 0) return 0;
        int best = 0;
        bool tie = false;
        for (int k = 1; k < distinct; ++k) {
            if (counts[k] > counts[best]) {
                best = k;
                tie = false;
            } else if (counts[k] == counts[best]) {
                tie = true;
            }
        }
        // Only reachable with majority_min_neighbours < 5: no centre has "the"
        // majority, so the cell stays out rather than depend on scan order.
        if (tie) return 0;
        const bool wins = m_rule == MajorityRule::R2023A ? 2 * counts[best] > voters
                                                         : counts[best] >= m_min_neighbours;
        return wins ? ids[best] : 0;
    }

    std::int64_t m_cols;
    std::int64_t m_rows;
    const std::vector<std::uint8_t>& m_flags;
    MajorityRule m_rule;
    int m_min_neighbours;
    std::vector<std::int32_t>& m_id;
    std::vector<bool> m_queued;  // one bit per cell: 3 MB for Europe at 1 km
    std::vector<std::int64_t> m_candidates;
};

}  // namespace

SmoothingStats apply_majority_rule(std::int64_t cols, std::int64_t rows, const std::vector<std::uint8_t>& flags,
                                   const Options& options, std::vector<std::int32_t>& centre_id) {
    if (options.majority_rule == MajorityRule::Off) return {};
    if (std::none_of(centre_id.begin(), centre_id.end(), [](std::int32_t id) { return id != 0; })) return {};
    return Smoother(cols, rows, flags, options, centre_id).run();
}

}  // namespace regio::degurba
