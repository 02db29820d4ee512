#include "regio/segregation/grid_cells.hpp"

#include "regio/error.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

namespace regio::segregation {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace

DenseLayout dense_layout(const GridCells& cells) {
    DenseLayout d;
    if (cells.size() == 0) return d;
    const auto [cmin, cmax] = std::minmax_element(cells.col.begin(), cells.col.end());
    const auto [rmin, rmax] = std::minmax_element(cells.row.begin(), cells.row.end());
    d.col0 = *cmin;
    d.row0 = *rmin;
    d.cols = static_cast<std::size_t>(*cmax - *cmin + 1);
    d.rows = static_cast<std::size_t>(*rmax - *rmin + 1);
    d.index.resize(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i)
        d.index[i] = static_cast<std::size_t>(cells.row[i] - d.row0) * d.cols + static_cast<std::size_t>(cells.col[i] - d.col0);
    return d;
}

namespace {

// Finds the unit at a (row, col): a dense table over the cells' bounding box
// when that is compact, a sorted list when the cells are sparse over a large
// extent (codes from all over Europe).
class CellLookup {
public:
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    explicit CellLookup(const GridCells& cells) : m_layout(dense_layout(cells)) {
        const std::size_t n = cells.size();
        if (n > 0 && m_layout.rows <= (4 * n + (1u << 20)) / m_layout.cols) {
            m_dense.assign(m_layout.rows * m_layout.cols, kNone);
            for (std::size_t i = 0; i < n; ++i) {
                if (m_dense[m_layout.index[i]] != kNone) duplicate(m_dense[m_layout.index[i]], i);
                m_dense[m_layout.index[i]] = i;
            }
            return;
        }
        m_sorted.resize(n);
        for (std::size_t i = 0; i < n; ++i) m_sorted[i] = {{cells.row[i], cells.col[i]}, i};
        std::sort(m_sorted.begin(), m_sorted.end());
        for (std::size_t k = 1; k < m_sorted.size(); ++k)
            if (m_sorted[k].first == m_sorted[k - 1].first) duplicate(m_sorted[k - 1].second, m_sorted[k].second);
    }

    [[nodiscard]] std::size_t find(std::int64_t row, std::int64_t col) const {
        if (!m_dense.empty()) {
            if (row < m_layout.row0 || col < m_layout.col0) return kNone;
            const auto r = static_cast<std::size_t>(row - m_layout.row0), c = static_cast<std::size_t>(col - m_layout.col0);
            return r < m_layout.rows && c < m_layout.cols ? m_dense[r * m_layout.cols + c] : kNone;
        }
        const auto key = std::make_pair(row, col);
        const auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), std::make_pair(key, std::size_t{0}));
        return it != m_sorted.end() && it->first == key ? it->second : kNone;
    }

private:
    [[noreturn]] static void duplicate(std::size_t a, std::size_t b) {
        throw DataError("units " + std::to_string(a + 1) + " and " + std::to_string(b + 1) + " are the same grid cell");
    }

    DenseLayout m_layout;
    std::vector<std::size_t> m_dense;
    std::vector<std::pair<std::pair<std::int64_t, std::int64_t>, std::size_t>> m_sorted;
};

}  // namespace

NeighbourPairs grid_neighbour_pairs(const GridCells& cells, geometry::Contiguity contiguity) {
    const CellLookup lookup(cells);
    // Half of the neighbourhood (east, north, and for queen the two northern
    // corners): every pair is met once, from its southern or western cell.
    const std::vector<std::pair<std::int64_t, std::int64_t>> offsets =
        contiguity == geometry::Contiguity::Rook ? std::vector<std::pair<std::int64_t, std::int64_t>>{{0, 1}, {1, 0}}
                                                    : std::vector<std::pair<std::int64_t, std::int64_t>>{{0, 1}, {1, -1}, {1, 0}, {1, 1}};
    NeighbourPairs out;
    for (std::size_t i = 0; i < cells.size(); ++i)
        for (const auto& [dr, dc] : offsets) {
            const std::size_t j = lookup.find(cells.row[i] + dr, cells.col[i] + dc);
            if (j != CellLookup::kNone) out.emplace_back(static_cast<std::uint32_t>(std::min(i, j)), static_cast<std::uint32_t>(std::max(i, j)));
        }
    return out;
}

Blocks grid_blocks(const GridCells& cells, std::int64_t k) {
    // The distinct blocks first (as a grid of their own), then each cell's block.
    GridCells all_blocks{cells.cell_size * static_cast<double>(k), {}, {}};
    all_blocks.col.resize(cells.size());
    all_blocks.row.resize(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        all_blocks.col[i] = floor_div(cells.col[i], k);
        all_blocks.row[i] = floor_div(cells.row[i], k);
    }
    Blocks b;
    b.grid.cell_size = all_blocks.cell_size;
    b.part_of.resize(cells.size());
    const DenseLayout layout = dense_layout(all_blocks);
    std::vector<std::size_t> number;
    std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> sparse;
    const bool dense = cells.size() > 0 && layout.rows <= (4 * cells.size() + (1u << 20)) / layout.cols;
    if (dense) number.assign(layout.rows * layout.cols, CellLookup::kNone);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::size_t& slot = dense ? number[layout.index[i]]
                                  : sparse.emplace(std::make_pair(all_blocks.row[i], all_blocks.col[i]), CellLookup::kNone).first->second;
        if (slot == CellLookup::kNone) {
            slot = b.grid.col.size();
            b.grid.col.push_back(all_blocks.col[i]);
            b.grid.row.push_back(all_blocks.row[i]);
        }
        b.part_of[i] = slot;
    }
    return b;
}

}  // namespace regio::segregation
