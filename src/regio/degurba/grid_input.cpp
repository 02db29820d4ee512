#include "regio/degurba/grid_input.hpp"

#include "regio/error.hpp"
#include "regio/grid/dense_limit.hpp"
#include "regio/io/crs_units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace regio::degurba {
namespace {

bool near(double a, double b, double scale) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(scale)); }

void check_one_value(io::GridSource& source, const std::string& option) {
    if (source.value_names().size() != 1)
        throw UsageError(option + " " + source.display() + " gives " + std::to_string(source.value_names().size()) +
                         " value columns; the Degree of Urbanisation reads one (pick one band: FILE:BAND)");
}

void check_same_grid(const GridInput& in, io::GridSource& layer, const std::string& option) {
    const grid::GridDefinition& a = in.definition;
    const grid::GridDefinition& b = layer.grid();
    const bool same = a.cols == b.cols && a.rows == b.rows && near(a.x0, b.x0, a.x0) && near(a.y0, b.y0, a.y0) &&
                      near(a.dx, b.dx, a.dx) && near(a.dy, b.dy, a.dy);
    if (!same)
        throw DataError(fmt::format("{} is not on the population grid ({} x {} cells of {} x {} from ({}, {}); the "
                                    "population grid has {} x {} cells of {} x {} from ({}, {}))",
                                    option, b.cols, b.rows, b.dx, b.dy, b.x0, b.y0, a.cols, a.rows, a.dx, a.dy, a.x0, a.y0),
                        Where{layer.display()}, "resample it onto the population grid first (gdalwarp -te/-tr)");
    if (!layer.crs().same_as(in.crs))
        throw DataError(option + " is in " + layer.crs().name + ", the population grid in " + in.crs.name,
                        Where{layer.display()}, "reproject it onto the population grid first (gdalwarp)");
}

// Reads every row of the source's single value column into `out`.
void read_all(io::GridSource& source, std::vector<double>& out, const ProgressRange& progress) {
    const grid::GridDefinition& g = source.grid();
    out.assign(static_cast<std::size_t>(g.cell_count()), 0.0);
    const std::int64_t band_rows = std::max<std::int64_t>(1, (std::int64_t{1} << 22) / std::max<std::int64_t>(1, g.cols));
    std::vector<double> band;
    for (std::int64_t row0 = 0; row0 < g.rows; row0 += band_rows) {
        const std::int64_t rows = std::min(band_rows, g.rows - row0);
        source.read_rows(row0, rows, band);
        std::copy_n(band.begin(), rows * g.cols, out.begin() + row0 * g.cols);
        progress(static_cast<double>(row0 + rows) / static_cast<double>(g.rows), "degurba: reading the grid");
    }
}

// Reads the population into grid.population_f32 while every value is
// exactly a float (NaN included), which halves the grid's memory without
// changing any value; at the first value that is not, switches to
// grid.population (double) for the whole grid.
void read_population(io::GridSource& source, PopulationGrid& grid, const ProgressRange& progress) {
    const grid::GridDefinition& g = source.grid();
    const auto n = static_cast<std::size_t>(g.cell_count());
    grid.population.clear();
    grid.population_f32.assign(n, 0.0F);
    // Bands of about 1 M cells (8 MB of doubles).
    const std::int64_t band_rows = std::max<std::int64_t>(1, (std::int64_t{1} << 20) / std::max<std::int64_t>(1, g.cols));
    std::vector<double> band;
    for (std::int64_t row0 = 0; row0 < g.rows; row0 += band_rows) {
        const std::int64_t rows = std::min(band_rows, g.rows - row0);
        source.read_rows(row0, rows, band);
        const auto count = static_cast<std::size_t>(rows * g.cols);
        const auto start = static_cast<std::size_t>(row0 * g.cols);
        if (grid.compact()) {
            float* const out = grid.population_f32.data() + start;
            bool exact = true;
            for (std::size_t k = 0; k < count; ++k) {
                const double v = band[k];
                const auto f = static_cast<float>(v);
                exact = exact && (static_cast<double>(f) == v || std::isnan(v));
                out[k] = f;
            }
            if (!exact) {
                grid.population.resize(n);
                std::copy_n(grid.population_f32.begin(), start, grid.population.begin());
                std::vector<float>().swap(grid.population_f32);
            }
        }
        if (!grid.compact()) std::copy_n(band.begin(), count, grid.population.begin() + static_cast<std::ptrdiff_t>(start));
        progress(static_cast<double>(row0 + rows) / static_cast<double>(g.rows), "degurba: reading the grid");
    }
    if (n == 0) grid.population_f32.clear();
}

}  // namespace

GridInput read_grid_input(io::GridSource& population, const ExtraLayers& layers, const ProgressRange& progress) {
    check_one_value(population, "--grid");
    GridInput in;
    in.definition = population.grid();
    in.crs = population.crs();
    const grid::GridDefinition& g = in.definition;
    const std::optional<double> unit = io::metres_per_unit(in.crs);
    if (!unit || *unit != 1.0)
        throw CrsError("the population grid's CRS (" + (in.crs.empty() ? std::string("none") : in.crs.name) +
                           ") is not a projected CRS in metres: densities are people per km²",
                       Where{population.display()},
                       "warp it to an equal-area grid in metres, e.g. gdalwarp -t_srs EPSG:3035 -tr 1000 1000");
    // The classification holds the whole grid in memory (several arrays of
    // its cells): checked before the first allocation.
    grid::check_dense_grid(g.cols, g.rows, g.dx, "the population grid", Where{population.display()});
    if (!near(g.dx, g.dy, g.dx))
        throw DataError(fmt::format("the grid's cells are not square ({} x {} m)", g.dx, g.dy),
                        Where{population.display()}, "resample it to square cells (gdalwarp -tr 1000 1000)");
    in.grid.cols = g.cols;
    in.grid.rows = g.rows;
    in.grid.cell_area_km2 = g.dx * g.dy / 1e6;

    const int parts = 1 + (layers.land ? 1 : 0) + (layers.built_up ? 1 : 0);
    int part = 0;
    auto next = [&] {
        const ProgressRange sub = progress.sub(static_cast<double>(part) / parts, static_cast<double>(part + 1) / parts);
        ++part;
        return sub;
    };
    if (layers.land) {
        check_one_value(*layers.land, "--land");
        check_same_grid(in, *layers.land, "--land");
    }
    if (layers.built_up) {
        check_one_value(*layers.built_up, "--built-up");
        check_same_grid(in, *layers.built_up, "--built-up");
    }
    read_population(population, in.grid, next());
    if (layers.land) read_all(*layers.land, in.grid.land_share, next());
    if (layers.built_up) read_all(*layers.built_up, in.grid.built_up_share, next());
    return in;
}

}  // namespace regio::degurba
