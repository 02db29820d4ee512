#include "regio/grid/dense_limit.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <limits>

namespace regio::grid {

std::int64_t max_dense_cells() {
    const char* text = std::getenv("REGIO_MAX_GRID_CELLS");
    if (!text || !*text) return kDefaultMaxDenseCells;
    char* end = nullptr;
    errno = 0;
    const long long value = std::strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0' || value <= 0)
        throw UsageError(fmt::format("REGIO_MAX_GRID_CELLS='{}' is not a positive whole number", text));
    return value;
}

std::int64_t cell_count_saturating(std::int64_t cols, std::int64_t rows) {
    if (cols <= 0 || rows <= 0) return 0;
    if (cols > std::numeric_limits<std::int64_t>::max() / rows) return std::numeric_limits<std::int64_t>::max();
    return cols * rows;
}

void check_dense_grid(std::int64_t cols, std::int64_t rows, double cell_size, const std::string& what, const Where& where,
                      const std::string& hint) {
    const std::int64_t limit = max_dense_cells();
    const std::int64_t cells = cell_count_saturating(cols, rows);
    if (cells <= limit) return;
    throw DataError(fmt::format("{} spans {} x {} = {:.3g} cells of {} m, more than the limit of {} cells held in memory",
                                what, cols, rows, static_cast<double>(cells), cell_size, limit),
                    where,
                    hint.empty() ? std::string("set REGIO_MAX_GRID_CELLS to raise the limit if the machine has the memory")
                                 : hint);
}

}  // namespace regio::grid
