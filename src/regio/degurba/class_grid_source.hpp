#pragma once
// The classified cells as an in-memory grid source, so that the exact
// coverage sweep of aggregate_grid can split them between spatial units
// (../shared/spec/degurba.md §3, "our rule" 2: population by share of area).
// For each class code k there are two value columns: "pop_k" (the cell's
// population where the cell's class is k, else 0) and "land_k" (its land
// area in km² where the class is k: the share of permanent land x cell area,
// or the whole cell without a land layer). A window limits the sweep to the
// units' extent.
#include "regio/degurba/population_grid.hpp"
#include "regio/io/grid_source.hpp"

#include <cstdint>
#include <vector>

namespace regio::degurba {

struct CellWindow {
    std::int64_t col0 = 0;
    std::int64_t row0 = 0;
    std::int64_t cols = 0;
    std::int64_t rows = 0;
};

// The cells of `full` under a box (in the grid's CRS), with a margin of one
// cell, clipped to the grid; empty (0 x 0) when they do not meet.
CellWindow window_over(const grid::GridDefinition& full, double xmin, double ymin, double xmax, double ymax);

class ClassGridSource final : public io::GridSource {
public:
    // grid, classes (one code per cell of `full`) and codes must outlive the source.
    ClassGridSource(const PopulationGrid& grid, const std::vector<std::uint8_t>& classes, std::vector<std::uint8_t> codes,
                    const grid::GridDefinition& full, io::Crs crs, const CellWindow& window);

    [[nodiscard]] const grid::GridDefinition& grid() const override { return m_window_grid; }
    [[nodiscard]] const std::vector<std::string>& value_names() const override { return m_names; }
    [[nodiscard]] io::Crs crs() const override { return m_crs; }
    [[nodiscard]] std::string display() const override { return "classified cells"; }
    void read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) override;

    [[nodiscard]] const std::vector<std::uint8_t>& codes() const { return m_codes; }

private:
    const PopulationGrid& m_grid;
    const std::vector<std::uint8_t>& m_classes;
    std::vector<std::uint8_t> m_codes;
    std::vector<std::string> m_names;
    grid::GridDefinition m_window_grid;
    CellWindow m_window;
    io::Crs m_crs;
    std::int64_t m_full_cols = 0;
};

}  // namespace regio::degurba
