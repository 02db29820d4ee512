#pragma once
// Dasymetric refinement: a coarse grid's values spread inside each coarse cell
// in proportion to a finer ancillary grid (e.g. 1 km population spread by a
// 100 m built-up or population grid), exposed as a grid on the fine
// resolution so that the exact-coverage sweep allocates the fine cells.
// Coarse cells whose ancillary weights are all zero or missing fall back to
// an even spread (area weighting); how much value did so is counted.
#include "regio/io/grid_source.hpp"

#include <memory>

namespace regio::aggregate {

class DasymetricGrid final : public io::GridSource {
public:
    // The fine grid must nest in the coarse one (cell sizes divide, corners
    // aligned) and be in the same CRS; throws DataError otherwise.
    DasymetricGrid(io::GridSource& coarse, io::GridSource& fine);

    [[nodiscard]] const grid::GridDefinition& grid() const override { return m_grid; }
    [[nodiscard]] const std::vector<std::string>& value_names() const override { return m_coarse.value_names(); }
    [[nodiscard]] io::Crs crs() const override { return m_coarse.crs(); }
    [[nodiscard]] std::string display() const override;
    void read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) override;
    [[nodiscard]] std::vector<double> unallocated() const override { return m_coarse.unallocated(); }

    // Value that was spread evenly because its coarse cell had no weight, per
    // value column (each coarse cell counted once).
    [[nodiscard]] const std::vector<double>& fallback() const { return m_fallback; }
    // Value of the coarse cells beyond the weights grid's extent: the refined
    // grid covers only the coarse cells the weights grid reaches.
    [[nodiscard]] const std::vector<double>& beyond_weights() const { return m_beyond; }

private:
    void read_fine_weights(std::int64_t row0, std::int64_t nrows);

    io::GridSource& m_coarse;
    io::GridSource& m_fine;
    grid::GridDefinition m_grid;  // the coarse extent at the fine resolution
    std::int64_t m_kx = 1, m_ky = 1;          // fine cells per coarse cell, across and down
    std::int64_t m_offset_col = 0, m_offset_row = 0;  // fine-grid index of the virtual grid's (0, 0)
    std::vector<double> m_fallback;
    std::vector<double> m_beyond;
    std::int64_t m_coarse_col0 = 0, m_coarse_row0 = 0;  // the window of coarse cells refined
    std::int64_t m_fallback_counted_to = 0;  // coarse rows already counted into m_fallback
    std::vector<double> m_coarse_rows, m_fine_rows, m_weights;
};

}  // namespace regio::aggregate
