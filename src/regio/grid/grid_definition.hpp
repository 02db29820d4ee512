#pragma once
// A north-up regular grid: origin at the top-left corner, rows going down,
// as GDAL geotransforms describe rasters. Coverage fractions need no rule for
// points on cell lines (they measure areas); the centroid method assigns cell
// centres with the point-location rule instead.
#include <cmath>
#include <cstdint>

namespace regio::grid {

struct GridDefinition {
    double x0 = 0;  // left edge
    double y0 = 0;  // top edge
    double dx = 1;  // cell width (> 0)
    double dy = 1;  // cell height (> 0); rows go down
    std::int64_t cols = 0;
    std::int64_t rows = 0;

    [[nodiscard]] double cell_area() const { return dx * dy; }
    [[nodiscard]] double col_left(std::int64_t col) const { return x0 + static_cast<double>(col) * dx; }
    [[nodiscard]] double row_top(std::int64_t row) const { return y0 - static_cast<double>(row) * dy; }
    [[nodiscard]] double col_centre(std::int64_t col) const { return x0 + (static_cast<double>(col) + 0.5) * dx; }
    [[nodiscard]] double row_centre(std::int64_t row) const { return y0 - (static_cast<double>(row) + 0.5) * dy; }
    // Unclamped column/row of a coordinate (floor, so it works left of and
    // above the origin too).
    [[nodiscard]] std::int64_t col_of(double x) const {
        return static_cast<std::int64_t>(std::floor((x - x0) / dx));
    }
    [[nodiscard]] std::int64_t row_of(double y) const {
        return static_cast<std::int64_t>(std::floor((y0 - y) / dy));
    }
    [[nodiscard]] std::int64_t cell_count() const { return cols * rows; }
    [[nodiscard]] double xmax() const { return col_left(cols); }
    [[nodiscard]] double ymin() const { return row_top(rows); }
};

}  // namespace regio::grid
