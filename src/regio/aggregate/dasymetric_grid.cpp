#include "regio/aggregate/dasymetric_grid.hpp"

#include "regio/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace regio::aggregate {
namespace {

// n if x is within rounding of the integer n, else throws.
std::int64_t whole(double x, const std::string& what, const std::string& where) {
    const double n = std::round(x);
    if (std::abs(x - n) > 1e-6 * std::max(1.0, std::abs(x)))
        throw DataError("the weights grid does not nest in the value grid: " + what + " is " + std::to_string(x) +
                            ", not a whole number",
                        Where{where}, "use a weights raster whose cells subdivide the value grid's cells exactly");
    return static_cast<std::int64_t>(n);
}

}  // namespace

DasymetricGrid::DasymetricGrid(io::GridSource& coarse, io::GridSource& fine)
    : m_coarse(coarse), m_fine(fine), m_fallback(coarse.value_names().size(), 0.0) {
    const auto& c = coarse.grid();
    const auto& f = fine.grid();
    if (!fine.crs().empty() && !coarse.crs().empty() && !fine.crs().same_as(coarse.crs()))
        throw CrsError("the weights grid is in " + fine.crs().name + ", the value grid in " + coarse.crs().name,
                       Where{fine.display()}, "reproject the weights onto the value grid's CRS first");
    m_kx = whole(c.dx / f.dx, "the ratio of cell widths", fine.display());
    m_ky = whole(c.dy / f.dy, "the ratio of cell heights", fine.display());
    if (m_kx < 1 || m_ky < 1) throw DataError("the weights grid is coarser than the value grid", Where{fine.display()});
    whole((c.x0 - f.x0) / f.dx, "the column offset", fine.display());
    whole((f.y0 - c.y0) / f.dy, "the row offset", fine.display());
    // Only the coarse cells the weights grid reaches are refined: spreading a
    // continent's 1 km grid to 100 m for one city would be wasted work.
    m_coarse_col0 = std::clamp<std::int64_t>(c.col_of(f.x0 + 0.5 * f.dx), 0, c.cols);
    const std::int64_t col1 = std::clamp<std::int64_t>(c.col_of(f.xmax() - 0.5 * f.dx) + 1, 0, c.cols);
    m_coarse_row0 = std::clamp<std::int64_t>(c.row_of(f.y0 - 0.5 * f.dy), 0, c.rows);
    const std::int64_t row1 = std::clamp<std::int64_t>(c.row_of(f.ymin() + 0.5 * f.dy) + 1, 0, c.rows);
    const std::int64_t wcols = std::max<std::int64_t>(0, col1 - m_coarse_col0);
    const std::int64_t wrows = std::max<std::int64_t>(0, row1 - m_coarse_row0);
    m_grid = {c.col_left(m_coarse_col0), c.row_top(m_coarse_row0), f.dx, f.dy, wcols * m_kx, wrows * m_ky};
    m_offset_col = whole((m_grid.x0 - f.x0) / f.dx, "the column offset", fine.display());
    m_offset_row = whole((f.y0 - m_grid.y0) / f.dy, "the row offset", fine.display());
    // The value outside the window, read once.
    m_beyond.assign(coarse.value_names().size(), 0.0);
    const std::size_t nv = m_beyond.size();
    const std::int64_t band = std::max<std::int64_t>(1, (std::int64_t{4} << 20) / std::max<std::int64_t>(1, c.cols * static_cast<std::int64_t>(nv)));
    for (std::int64_t r0 = 0; r0 < c.rows; r0 += band) {
        const std::int64_t n = std::min(band, c.rows - r0);
        coarse.read_rows(r0, n, m_coarse_rows);
        for (std::size_t v = 0; v < nv; ++v)
            for (std::int64_t r = r0; r < r0 + n; ++r)
                for (std::int64_t col = 0; col < c.cols; ++col) {
                    if (r >= m_coarse_row0 && r < row1 && col >= m_coarse_col0 && col < col1) continue;
                    const double x = m_coarse_rows[(v * static_cast<std::size_t>(n) + static_cast<std::size_t>(r - r0)) * static_cast<std::size_t>(c.cols) + static_cast<std::size_t>(col)];
                    if (!std::isnan(x)) m_beyond[v] += x;
                }
    }
}

std::string DasymetricGrid::display() const { return m_coarse.display() + " spread by " + m_fine.display(); }

void DasymetricGrid::read_fine_weights(std::int64_t row0, std::int64_t nrows) {
    // Rows [row0, row0 + nrows) of the virtual grid; parts outside the fine
    // grid have no weight.
    const auto& f = m_fine.grid();
    const auto cols = static_cast<std::size_t>(m_grid.cols);
    m_weights.assign(static_cast<std::size_t>(nrows) * cols, std::numeric_limits<double>::quiet_NaN());
    const std::int64_t first = std::max<std::int64_t>(row0 + m_offset_row, 0);
    const std::int64_t last = std::min<std::int64_t>(row0 + nrows + m_offset_row, f.rows);
    if (last <= first) return;
    m_fine.read_rows(first, last - first, m_fine_rows);
    for (std::int64_t fr = first; fr < last; ++fr) {
        const auto vr = static_cast<std::size_t>(fr - m_offset_row - row0);
        for (std::size_t c = 0; c < cols; ++c) {
            const std::int64_t fc = static_cast<std::int64_t>(c) + m_offset_col;
            if (fc < 0 || fc >= f.cols) continue;
            m_weights[vr * cols + c] = m_fine_rows[static_cast<std::size_t>((fr - first) * f.cols + fc)];
        }
    }
}

void DasymetricGrid::read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) {
    const std::size_t nv = value_names().size();
    const auto& c = m_coarse.grid();
    const std::int64_t cr0 = row0 / m_ky;  // coarse rows [cr0, cr1) of the window
    const std::int64_t cr1 = (row0 + nrows - 1) / m_ky + 1;
    m_coarse.read_rows(m_coarse_row0 + cr0, cr1 - cr0, m_coarse_rows);
    read_fine_weights(cr0 * m_ky, (cr1 - cr0) * m_ky);
    const auto vcols = static_cast<std::size_t>(m_grid.cols);
    const auto ccols = static_cast<std::size_t>(m_grid.cols / m_kx);  // coarse columns in the window
    const auto coarse_stride = static_cast<std::size_t>(c.cols);
    const std::size_t coarse_cells = static_cast<std::size_t>(cr1 - cr0) * coarse_stride;
    out.assign(nv * static_cast<std::size_t>(nrows) * vcols, std::numeric_limits<double>::quiet_NaN());
    for (std::int64_t cr = cr0; cr < cr1; ++cr)
        for (std::size_t cc = 0; cc < ccols; ++cc) {
            // Σ weights of the fine cells inside this coarse cell.
            double total = 0;
            const std::size_t wr0 = static_cast<std::size_t>((cr - cr0) * m_ky);
            for (std::int64_t i = 0; i < m_ky; ++i)
                for (std::int64_t j = 0; j < m_kx; ++j) {
                    const double w = m_weights[(wr0 + static_cast<std::size_t>(i)) * vcols + cc * static_cast<std::size_t>(m_kx) + static_cast<std::size_t>(j)];
                    if (w > 0) total += w;  // NaN and negative weights count as none
                }
            const bool even = total <= 0;
            const double cells = static_cast<double>(m_kx * m_ky);
            for (std::size_t v = 0; v < nv; ++v) {
                const double value = m_coarse_rows[v * coarse_cells + static_cast<std::size_t>(cr - cr0) * coarse_stride +
                                                   static_cast<std::size_t>(m_coarse_col0) + cc];
                if (std::isnan(value)) continue;
                if (even && cr >= m_fallback_counted_to) m_fallback[v] += value;
                for (std::int64_t i = 0; i < m_ky; ++i) {
                    const std::int64_t vr = cr * m_ky + i;
                    if (vr < row0 || vr >= row0 + nrows) continue;
                    for (std::int64_t j = 0; j < m_kx; ++j) {
                        const std::size_t vc = cc * static_cast<std::size_t>(m_kx) + static_cast<std::size_t>(j);
                        const double w = m_weights[(wr0 + static_cast<std::size_t>(i)) * vcols + vc];
                        out[(v * static_cast<std::size_t>(nrows) + static_cast<std::size_t>(vr - row0)) * vcols + vc] =
                            even ? value / cells : (w > 0 ? value * w / total : 0.0);
                    }
                }
            }
        }
    // A coarse row split across two reads is counted once.
    m_fallback_counted_to = std::max(m_fallback_counted_to, cr1);
}

}  // namespace regio::aggregate
