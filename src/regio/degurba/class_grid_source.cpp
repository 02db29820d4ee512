#include "regio/degurba/class_grid_source.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace regio::degurba {

CellWindow window_over(const grid::GridDefinition& full, double xmin, double ymin, double xmax, double ymax) {
    if (!(xmin <= xmax && ymin <= ymax)) return {};
    const std::int64_t c0 = std::clamp<std::int64_t>(full.col_of(xmin) - 1, 0, full.cols);
    const std::int64_t c1 = std::clamp<std::int64_t>(full.col_of(xmax) + 2, 0, full.cols);
    const std::int64_t r0 = std::clamp<std::int64_t>(full.row_of(ymax) - 1, 0, full.rows);
    const std::int64_t r1 = std::clamp<std::int64_t>(full.row_of(ymin) + 2, 0, full.rows);
    if (c1 <= c0 || r1 <= r0) return {};
    return {c0, r0, c1 - c0, r1 - r0};
}

ClassGridSource::ClassGridSource(const PopulationGrid& grid, const std::vector<std::uint8_t>& classes,
                                 std::vector<std::uint8_t> codes, const grid::GridDefinition& full, io::Crs crs,
                                 const CellWindow& window)
    : m_grid(grid), m_classes(classes), m_codes(std::move(codes)), m_window(window), m_crs(std::move(crs)),
      m_full_cols(full.cols) {
    if (classes.size() != static_cast<std::size_t>(full.cell_count()) ||
        grid.population_size() != static_cast<std::size_t>(full.cell_count()))
        throw std::invalid_argument("ClassGridSource: classes, population and grid differ in size");
    for (const auto k : m_codes) m_names.push_back("pop_" + std::to_string(k));
    for (const auto k : m_codes) m_names.push_back("land_" + std::to_string(k));
    m_window_grid = {full.col_left(window.col0), full.row_top(window.row0), full.dx, full.dy, window.cols, window.rows};
}

void ClassGridSource::read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) {
    const auto cols = static_cast<std::size_t>(m_window.cols);
    const auto rows = static_cast<std::size_t>(nrows);
    const std::size_t nk = m_codes.size();
    out.assign(2 * nk * rows * cols, 0.0);
    const bool has_land = !m_grid.land_share.empty();
    for (std::size_t r = 0; r < rows; ++r) {
        const auto full_row = static_cast<std::size_t>(m_window.row0 + row0) + r;
        const std::size_t base = full_row * static_cast<std::size_t>(m_full_cols) + static_cast<std::size_t>(m_window.col0);
        for (std::size_t c = 0; c < cols; ++c) {
            const std::size_t i = base + c;
            const auto k = static_cast<std::size_t>(std::find(m_codes.begin(), m_codes.end(), m_classes[i]) - m_codes.begin());
            if (k == nk) continue;  // a class the caller did not ask for
            const double pop = m_grid.population_at(i);
            // §1: no data counts as 0; an unknown land share as all land.
            const double land = has_land && !std::isnan(m_grid.land_share[i]) ? m_grid.land_share[i] : 1.0;
            out[(k * rows + r) * cols + c] = std::isnan(pop) ? 0.0 : pop;
            out[((nk + k) * rows + r) * cols + c] = land * m_grid.cell_area_km2;
        }
    }
}

}  // namespace regio::degurba
