#include "regio/aggregate/aggregate_grid.hpp"

#include "regio/aggregate/band_reader.hpp"

#include "regio/error.hpp"
#include "regio/grid/coverage.hpp"
#include "regio/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <utility>

namespace regio::aggregate {
namespace {

using grid::GridDefinition;
using grid::PolygonCoverage;

// Σ value, Σ [value valid] over a run of whole cells [c0, c1), and with
// weights Σ value × weight and Σ weight over cells where both are valid.
// A run is a shape's interior, the bulk of the cells, and usually all valid:
// summed first without looking at each value (NaN, no data, would show in the
// sum), in four partial sums the CPU adds side by side; only a run with no
// data in it is summed again value by value.
struct RunSums {
    double sum = 0, valid = 0, weighted = 0, weight = 0;
};

RunSums sum_run(const double* x, const double* w, std::size_t c0, std::size_t c1) {
    RunSums out;
    double s[4] = {0, 0, 0, 0};
    std::size_t c = c0;
    for (; c + 4 <= c1; c += 4) {
        s[0] += x[c];
        s[1] += x[c + 1];
        s[2] += x[c + 2];
        s[3] += x[c + 3];
    }
    for (; c < c1; ++c) s[0] += x[c];
    out.sum = (s[0] + s[1]) + (s[2] + s[3]);
    out.valid = static_cast<double>(c1 - c0);
    if (std::isnan(out.sum)) {
        out.sum = out.valid = 0;
        for (c = c0; c < c1; ++c)
            if (!std::isnan(x[c])) {
                out.sum += x[c];
                out.valid += 1;
            }
    }
    if (w)
        for (c = c0; c < c1; ++c)
            if (!std::isnan(x[c]) && !std::isnan(w[c])) {
                out.weighted += x[c] * w[c];
                out.weight += w[c];
            }
    return out;
}

// Σ over regions of each cell's covered fraction, for one thread and one band:
// the measure of the regions' union (clamped at 1) that the conservation
// check compares the allocated total with. Cells a boundary passes through
// add their fraction; runs of whole cells add +1/-1 at their ends (summed
// along the row when read back). Only the columns regions touched in each
// row are cleared and read back.
class UnionCover {
public:
    void start_band(std::size_t rows, std::size_t cols) {
        m_cols = cols;
        if (m_cover.size() < rows * cols) m_cover.assign(rows * cols, 0.0);
        if (m_run_ends.size() < rows * (cols + 1)) m_run_ends.assign(rows * (cols + 1), 0.0);
        m_lo.assign(rows, cols);
        m_hi.assign(rows, 0);
    }
    void add(std::size_t r, const grid::RowCoverage& row, std::size_t c0, std::size_t c1) {
        m_lo[r] = std::min(m_lo[r], c0);
        m_hi[r] = std::max(m_hi[r], c1);
        double* cover = m_cover.data() + r * m_cols;
        double* ends = m_run_ends.data() + r * (m_cols + 1);
        for (const auto& c : row.cells) cover[c.col] += c.fraction;
        for (const auto& run : row.runs) {
            ends[run.begin] += 1.0;
            ends[run.end] -= 1.0;
        }
    }
    [[nodiscard]] std::size_t lo(std::size_t r) const { return m_lo[r]; }
    [[nodiscard]] std::size_t hi(std::size_t r) const { return m_hi[r]; }
    // Adds this thread's cover of row r, columns [lo, hi), to `out` and clears it.
    void take_row(std::size_t r, double* out) {
        double* cover = m_cover.data() + r * m_cols;
        double* ends = m_run_ends.data() + r * (m_cols + 1);
        double runs = 0;
        for (std::size_t c = m_lo[r]; c < m_hi[r]; ++c) {
            runs += std::exchange(ends[c], 0.0);
            out[c] += std::exchange(cover[c], 0.0) + runs;
        }
        if (m_hi[r] > m_lo[r]) ends[m_hi[r]] = 0.0;  // the -1 of a run ending at hi
    }

private:
    std::size_t m_cols = 0;
    std::vector<double> m_cover;
    std::vector<double> m_run_ends;
    std::vector<std::size_t> m_lo, m_hi;
};

void check_same_grid(const GridDefinition& a, const GridDefinition& b, const std::string& what) {
    auto near = [](double x, double y, double scale) { return std::abs(x - y) <= 1e-9 * std::max(1.0, scale); };
    if (a.cols != b.cols || a.rows != b.rows || !near(a.x0, b.x0, std::abs(a.x0)) || !near(a.y0, b.y0, std::abs(a.y0)) ||
        !near(a.dx, b.dx, a.dx) || !near(a.dy, b.dy, a.dy))
        throw DataError("the weights grid is not on the same grid as the values", Where{what},
                        "resample it to the value grid first (gdalwarp -tr/-te), or leave out --weights");
}

}  // namespace

std::vector<GridStat> parse_grid_stats(const std::string& text) {
    std::vector<GridStat> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto comma = text.find(',', pos);
        const std::string word = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (word == "sum") out.push_back(GridStat::Sum);
        else if (word == "mean") out.push_back(GridStat::Mean);
        else if (word == "weighted_mean") out.push_back(GridStat::WeightedMean);
        else if (word == "count") out.push_back(GridStat::Count);
        else if (word == "area") out.push_back(GridStat::Area);
        else throw UsageError("unknown statistic '" + word + "' (known: sum, mean, weighted_mean, count, area)");
        if (std::count(out.begin(), out.end(), out.back()) > 1) throw UsageError("--stat names '" + word + "' twice");
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return out;
}

const char* stat_name(GridStat stat) {
    switch (stat) {
        case GridStat::Sum: return "sum";
        case GridStat::Mean: return "mean";
        case GridStat::WeightedMean: return "weighted_mean";
        case GridStat::Count: return "count";
        case GridStat::Area: return "area";
    }
    return "?";
}

double GridResult::allocated(std::size_t value) const {
    double total = 0;
    for (const auto& s : stats[value]) total += s.sum;
    return total;
}

GridResult sweep(io::GridSource& source, const CoverageShapes& shapes, const geometry::RegionSet* regions,
                 io::GridSource* weights, const GridOptions& options);

namespace {

// The shapes of a region set, for the sweep.
class RegionShapes final : public CoverageShapes {
public:
    explicit RegionShapes(const geometry::RegionSet& regions) : m_regions(regions) {}
    [[nodiscard]] std::size_t size() const override { return m_regions.size(); }
    [[nodiscard]] geometry::Box bounds(std::size_t i) const override { return geometry::bounds(m_regions.shapes[i]); }
    [[nodiscard]] std::unique_ptr<grid::PolygonCoverage> coverage(std::size_t i, const grid::GridDefinition& g) const override {
        return std::make_unique<grid::PolygonCoverage>(m_regions.shapes[i], g);
    }

private:
    const geometry::RegionSet& m_regions;
};

}  // namespace

GridResult aggregate_grid(io::GridSource& source, const geometry::RegionSet& regions, io::GridSource* weights,
                          const GridOptions& options) {
    return sweep(source, RegionShapes(regions), &regions, weights, options);
}

GridResult aggregate_grid(io::GridSource& source, const CoverageShapes& shapes, io::GridSource* weights,
                          const GridOptions& options) {
    if (options.method != GridMethod::Area) throw std::invalid_argument("boundary shapes support the area method only");
    return sweep(source, shapes, nullptr, weights, options);
}

GridResult sweep(io::GridSource& source, const CoverageShapes& shapes, const geometry::RegionSet* regions,
                 io::GridSource* weights, const GridOptions& options) {
    const GridDefinition& g = source.grid();
    if (weights) check_same_grid(g, weights->grid(), weights->display());
    const std::size_t nv = source.value_names().size();
    const std::size_t nr = shapes.size();
    const unsigned threads = std::max(1u, options.threads);
    const auto cols = static_cast<std::size_t>(g.cols);

    GridResult result;
    result.value_names = source.value_names();
    result.stats.assign(nv, std::vector<RegionCellStats>(nr));
    result.grid_total.assign(nv, 0.0);
    result.inside_regions.assign(nv, 0.0);
    result.in_overlaps.assign(nv, 0.0);
    result.nodata_cells.assign(nv, 0);
    result.unallocated = source.unallocated();
    result.cells = g.cell_count();
    result.cell_area = g.cell_area();

    // Rows per band within the memory budget.
    const std::size_t per_row = cols * (nv + (weights ? 1 : 0)) * sizeof(double);
    std::int64_t band_rows = static_cast<std::int64_t>(std::clamp<std::size_t>(options.band_bytes / std::max<std::size_t>(per_row, 1), 1, 4096));
    // Whole blocks per band, so that no block is decoded for two bands.
    const std::int64_t block = std::max<std::int64_t>(1, source.preferred_rows());
    const std::int64_t block_cols = std::max<std::int64_t>(1, source.preferred_cols());
    band_rows = std::max(block, band_rows / block * block);

    // Each region's row range, from its bounding box; coverage state is made
    // when the sweep reaches it and dropped after its last row.
    std::vector<std::unique_ptr<PolygonCoverage>> coverage(nr);
    std::vector<std::int64_t> first_row(nr), last_row(nr);  // [first, last)
    std::vector<double> width(nr, 0.0);  // in cells: the work per row of a shape
    std::vector<std::int64_t> first_col(nr, 0), last_col(nr, 0);  // [first, last), with a cell of slack
    for (std::size_t r = 0; r < nr; ++r) {
        const geometry::Box b = shapes.bounds(r);
        if (!b.empty()) {
            width[r] = b.width() / g.dx;
            first_col[r] = std::clamp<std::int64_t>(g.col_of(b.xmin) - 1, 0, g.cols);
            last_col[r] = std::clamp<std::int64_t>(g.col_of(b.xmax) + 2, 0, g.cols);
        }
        if (b.empty()) { first_row[r] = last_row[r] = 0; continue; }
        first_row[r] = std::clamp<std::int64_t>(g.row_of(b.ymax) - 1, 0, g.rows);
        last_row[r] = std::clamp<std::int64_t>(g.row_of(b.ymin) + 2, 0, g.rows);
    }

    // Per thread: Σ of fractions per cell of the band (to measure the union).
    std::vector<UnionCover> union_cover(threads);
    std::vector<double> row_union(options.totals ? cols : 0, 0.0);  // one row of the union, all threads
    std::vector<grid::RowCoverage> row_covers(threads);
    std::vector<double> centroid_rows;
    geometry::PointLocator locator = options.method == GridMethod::Centroid ? geometry::PointLocator(*regions)
                                                                           : geometry::PointLocator(std::vector<geometry::MultiPolygon>{});
    // Bands are read ahead on a thread of their own (BandReader): decoding
    // overlaps the coverage work. Only that thread touches the sources.
    // Without grid totals only the cells under some shape are needed: each
    // band is read in the blocks its shapes' columns span (for Europe's NUTS
    // regions on the 1 km grid, 38% of the raster's blocks).
    const bool windowed = !options.totals && options.method == GridMethod::Area;
    auto read_band = [&](std::int64_t row0, Band& into) {
        into.row0 = row0;
        into.rows = std::min(band_rows, g.rows - row0);
        if (windowed) {
            // The columns of the shapes in the band, as ranges of whole
            // blocks: the sea between them is not decoded.
            std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
            for (std::size_t r = 0; r < nr; ++r)
                if (first_row[r] < row0 + into.rows && last_row[r] > row0 && last_col[r] > first_col[r])
                    ranges.emplace_back(first_col[r] / block_cols * block_cols,
                                        std::min(g.cols, (last_col[r] + block_cols - 1) / block_cols * block_cols));
            std::sort(ranges.begin(), ranges.end());
            std::vector<std::pair<std::int64_t, std::int64_t>> merged;
            for (const auto& range : ranges) {
                if (!merged.empty() && range.first <= merged.back().second)
                    merged.back().second = std::max(merged.back().second, range.second);
                else
                    merged.push_back(range);
            }
            source.read_windows(row0, into.rows, merged, into.values);
        } else {
            source.read_rows(row0, into.rows, into.values);
        }
        if (weights) {
            weights->read_rows(row0, into.rows, into.weights);
            into.weights.resize(static_cast<std::size_t>(into.rows * g.cols));  // the first value only
        }
    };
    source.set_read_threads(threads);
    if (weights) weights->set_read_threads(threads);
    BandReader reader(g.rows, band_rows, 2, read_band, threads > 1);
    for (std::int64_t row0 = 0; row0 < g.rows; row0 += band_rows) {
        const Band& band = reader.next();
        const std::size_t band_cells = static_cast<std::size_t>(band.rows) * cols;
        for (std::size_t v = 0; v < nv && options.totals; ++v) {
            // Four partial sums: independent chains run in parallel in the CPU.
            double total[4] = {0, 0, 0, 0};
            std::int64_t nodata = 0;
            const double* x = band.values.data() + v * band_cells;
            for (std::size_t i = 0; i < band_cells; ++i) {
                const bool valid = x[i] == x[i];
                total[i & 3] += valid ? x[i] : 0.0;
                nodata += !valid;
            }
            result.grid_total[v] += (total[0] + total[1]) + (total[2] + total[3]);
            result.nodata_cells[v] += nodata;
        }

        if (options.method == GridMethod::Area) {
            std::vector<std::size_t> active;
            for (std::size_t r = 0; r < nr; ++r)
                if (first_row[r] < row0 + band.rows && last_row[r] > row0) active.push_back(r);
            // Widest first: the big shapes start early and the small ones fill
            // the gaps, so the threads finish the band together.
            std::stable_sort(active.begin(), active.end(), [&](std::size_t a, std::size_t b) { return width[a] > width[b]; });
            if (options.totals)
                for (auto& u : union_cover) u.start_band(static_cast<std::size_t>(band.rows), cols);
            parallel_for(active.size(), threads, [&](std::size_t k, unsigned t) {
                const std::size_t r = active[k];
                if (!coverage[r]) {
                    coverage[r] = shapes.coverage(r, g);
                    if (coverage[r]->empty()) return;
                }
                PolygonCoverage& cov = *coverage[r];
                if (cov.empty()) return;
                grid::RowCoverage& row_cover = row_covers[t];
                for (std::int64_t row = std::max(row0, cov.row_begin()); row < std::min(row0 + band.rows, cov.row_end()); ++row) {
                    cov.next_row(row_cover);  // rows come in order, continuing from the last band
                    const auto br = static_cast<std::size_t>(row - row0);
                    if (options.totals)
                        union_cover[t].add(br, row_cover, static_cast<std::size_t>(cov.col_begin()),
                                           static_cast<std::size_t>(cov.col_end()));
                    for (std::size_t v = 0; v < nv; ++v) {
                        // The sums run in locals (the same additions in the same
                        // order): stats of neighbouring shapes share cache lines,
                        // and writing them per cell from two threads would make
                        // the threads wait for each other.
                        RegionCellStats& stats = result.stats[v][r];
                        RegionCellStats s = stats;
                        const double* vals = band.values.data() + v * band_cells + br * cols;
                        const double* w = weights ? band.weights.data() + br * cols : nullptr;
                        for (const auto& [col, f] : row_cover.cells) {
                            const auto c = static_cast<std::size_t>(col);
                            s.covered += f;
                            if (std::isnan(vals[c])) continue;
                            s.sum += vals[c] * f;
                            s.valid += f;
                            if (w && !std::isnan(w[c])) {
                                s.weighted += vals[c] * w[c] * f;
                                s.weight += w[c] * f;
                            }
                        }
                        for (const auto& run : row_cover.runs) {
                            const auto c0 = static_cast<std::size_t>(run.begin), c1 = static_cast<std::size_t>(run.end);
                            const RunSums sums = sum_run(vals, w, c0, c1);
                            s.covered += static_cast<double>(c1 - c0);
                            s.sum += sums.sum;
                            s.valid += sums.valid;
                            s.weighted += sums.weighted;
                            s.weight += sums.weight;
                        }
                        stats = s;
                    }
                    // The boundary moves little from row to row: ask for the
                    // next row's values under this row's boundary cells now,
                    // while its coverage is computed (a band is megabytes:
                    // these reads would otherwise wait on memory).
                    if (br + 1 < static_cast<std::size_t>(band.rows))
                        for (std::size_t v = 0; v < nv; ++v) {
                            const double* next = band.values.data() + v * band_cells + (br + 1) * cols;
                            for (const auto& cell : row_cover.cells) __builtin_prefetch(next + cell.col);
                        }
                }
                if (cov.row_end() <= row0 + band.rows) coverage[r].reset();
            });
            for (std::size_t br = 0; br < static_cast<std::size_t>(band.rows) && options.totals; ++br) {
                std::size_t lo = cols, hi = 0;
                for (auto& u : union_cover) {
                    lo = std::min(lo, u.lo(br));
                    hi = std::max(hi, u.hi(br));
                    u.take_row(br, row_union.data());
                }
                for (std::size_t c = lo; c < hi; ++c) {
                    const double total_cover = std::exchange(row_union[c], 0.0);
                    if (total_cover == 0) continue;
                    const double cover = std::min(total_cover, 1.0);
                    const double excess = total_cover - cover;
                    for (std::size_t v = 0; v < nv; ++v) {
                        const double x = band.values[v * band_cells + br * cols + c];
                        if (std::isnan(x)) continue;
                        result.inside_regions[v] += x * cover;
                        if (excess > 0) result.in_overlaps[v] += x * excess;
                    }
                }
            }
        } else {
            // Centroid: each cell goes wholly to the region containing its
            // centre, by the point-location rule (east / north on boundaries).
            std::vector<std::int32_t> owner(band_cells);
            parallel_for(static_cast<std::size_t>(band.rows), threads, [&](std::size_t br, unsigned) {
                const double y = g.row_centre(row0 + static_cast<std::int64_t>(br));
                for (std::size_t c = 0; c < cols; ++c)
                    owner[br * cols + c] = locator.locate({g.col_centre(static_cast<std::int64_t>(c)), y});
            });
            for (std::size_t i = 0; i < band_cells; ++i) {
                if (owner[i] < 0) continue;
                const auto r = static_cast<std::size_t>(owner[i]);
                const double w = weights ? band.weights[i] : std::nan("");
                for (std::size_t v = 0; v < nv; ++v) {
                    RegionCellStats& s = result.stats[v][r];
                    const double x = band.values[v * band_cells + i];
                    s.covered += 1;
                    if (std::isnan(x)) continue;
                    s.sum += x;
                    s.valid += 1;
                    result.inside_regions[v] += x;
                    if (!std::isnan(w)) {
                        s.weighted += x * w;
                        s.weight += w;
                    }
                }
            }
        }
        options.progress(static_cast<double>(row0 + band.rows) / static_cast<double>(g.rows), "grid");
        reader.release();
    }
    return result;
}

table::RegionTable grid_table(const GridResult& result, const std::string& id_field,
                              const std::vector<std::string>& region_ids, const std::vector<GridStat>& stats) {
    table::RegionTable out(id_field, region_ids);
    for (std::size_t v = 0; v < result.value_names.size(); ++v)
        for (const GridStat stat : stats) {
            auto& col = out.add_column(result.value_names[v] + "_" + stat_name(stat), table::ColumnKind::Real);
            for (std::size_t r = 0; r < region_ids.size(); ++r) {
                const RegionCellStats& s = result.stats[v][r];
                switch (stat) {
                    case GridStat::Sum: col.values[r] = s.sum; break;
                    case GridStat::Count: col.values[r] = s.valid; break;
                    case GridStat::Area: col.values[r] = s.covered * result.cell_area; break;
                    case GridStat::Mean:
                        if (s.valid > 0) col.values[r] = s.sum / s.valid;
                        else col.status[r] = table::CellStatus::Missing;
                        break;
                    case GridStat::WeightedMean:
                        if (s.weight > 0) col.values[r] = s.weighted / s.weight;
                        else col.status[r] = table::CellStatus::Missing;
                        break;
                }
            }
        }
    return out;
}

}  // namespace regio::aggregate
