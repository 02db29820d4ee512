#include "regio/segregation/smoothing.hpp"

#include "regio/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace regio::segregation {
namespace {

// Cell offsets inside the kernel's reach, row by row: for row offset dy the
// columns -half[dy]..half[dy]. The test is the one smooth_by_centres makes
// on centres: d^2 <= reach^2, with d = the offset times the cell size.
struct Disc {
    std::int64_t radius = 0;          // in cells
    std::vector<std::int64_t> half;   // index dy + radius
};

Disc disc_of(double cell_size, double reach) {
    Disc d;
    d.radius = static_cast<std::int64_t>(std::floor(reach / cell_size));
    while (static_cast<double>(d.radius + 1) * cell_size <= reach) ++d.radius;
    const double reach2 = reach * reach;
    for (std::int64_t dy = -d.radius; dy <= d.radius; ++dy) {
        const double y = static_cast<double>(dy) * cell_size;
        std::int64_t w = 0;
        while (true) {
            const double x = static_cast<double>(w + 1) * cell_size;
            if (x * x + y * y > reach2) break;
            ++w;
        }
        d.half.push_back(w);
    }
    return d;
}

// Box kernel on one dense layer: out[r][c] = sum over the disc, from row
// prefix sums padded by the radius on both sides (no clamping in the loop).
void box_layer(const std::vector<double>& layer, std::size_t rows, std::size_t cols, const Disc& disc, unsigned threads,
               std::vector<double>& out) {
    const auto R = static_cast<std::size_t>(disc.radius);
    const std::size_t width = cols + 2 * R + 1;
    std::vector<double> prefix(rows * width);
    // Rows are independent in both steps: blocks of rows on `threads` threads.
    constexpr std::size_t kBlock = 64;
    const std::size_t blocks = (rows + kBlock - 1) / kBlock;
    parallel_for(blocks, threads, [&](std::size_t b, unsigned) {
    for (std::size_t r = b * kBlock; r < std::min(rows, (b + 1) * kBlock); ++r) {
        double* p = &prefix[r * width];
        const double* v = &layer[r * cols];
        for (std::size_t k = 0; k <= R; ++k) p[k] = 0;
        double sum = 0;
        for (std::size_t c = 0; c < cols; ++c) p[R + 1 + c] = sum += v[c];
        for (std::size_t k = R + 1 + cols; k < width; ++k) p[k] = sum;
    }
    });
    out.assign(rows * cols, 0.0);
    parallel_for(blocks, threads, [&](std::size_t b, unsigned) {
    for (std::size_t r = b * kBlock; r < std::min(rows, (b + 1) * kBlock); ++r) {
        double* o = &out[r * cols];
        for (std::int64_t dy = -disc.radius; dy <= disc.radius; ++dy) {
            const std::int64_t source = static_cast<std::int64_t>(r) + dy;
            if (source < 0 || source >= static_cast<std::int64_t>(rows)) continue;
            const auto w = static_cast<std::size_t>(disc.half[static_cast<std::size_t>(dy + disc.radius)]);
            // Sum of columns c-w..c+w = P[c+w+1+R] - P[c-w+R] in padded indices.
            const double* hi = &prefix[static_cast<std::size_t>(source) * width + w + 1 + R];
            const double* lo = &prefix[static_cast<std::size_t>(source) * width + R - w];
            for (std::size_t c = 0; c < cols; ++c) o[c] += hi[c] - lo[c];
        }
    }
    });
}

// Any kernel on one dense layer, offset by offset (rows padded by the radius).
void weighted_layer(const std::vector<double>& layer, std::size_t rows, std::size_t cols, const Disc& disc, Kernel kernel,
                    double cell_size, double bandwidth, std::vector<double>& out) {
    const auto R = static_cast<std::size_t>(disc.radius);
    const std::size_t width = cols + 2 * R;
    std::vector<double> padded(rows * width, 0.0);
    for (std::size_t r = 0; r < rows; ++r) std::copy_n(&layer[r * cols], cols, &padded[r * width + R]);
    out.assign(rows * cols, 0.0);
    for (std::int64_t dy = -disc.radius; dy <= disc.radius; ++dy) {
        const std::int64_t half = disc.half[static_cast<std::size_t>(dy + disc.radius)];
        for (std::int64_t dx = -half; dx <= half; ++dx) {
            const double d = std::hypot(static_cast<double>(dx) * cell_size, static_cast<double>(dy) * cell_size);
            const double w = kernel_weight(kernel, d / bandwidth);
            if (w == 0) continue;
            for (std::size_t r = 0; r < rows; ++r) {
                const std::int64_t source = static_cast<std::int64_t>(r) + dy;
                if (source < 0 || source >= static_cast<std::int64_t>(rows)) continue;
                const double* in = &padded[static_cast<std::size_t>(source) * width + static_cast<std::size_t>(static_cast<std::int64_t>(R) + dx)];
                double* o = &out[r * cols];
                for (std::size_t c = 0; c < cols; ++c) o[c] += w * in[c];
            }
        }
    }
}

}  // namespace

double kernel_weight(Kernel kernel, double u) {
    switch (kernel) {
    case Kernel::Box: return u <= 1 ? 1.0 : 0.0;
    case Kernel::Triangular: return std::max(0.0, 1 - u);
    case Kernel::Gaussian: return u <= 4 ? std::exp(-u * u / 2) : 0.0;
    }
    return 0.0;
}

double kernel_reach(Kernel kernel) { return kernel == Kernel::Gaussian ? 4.0 : 1.0; }

GroupCounts smooth_by_centres(const GroupCounts& counts, const std::vector<geometry::Point>& centres, double bandwidth, Kernel kernel) {
    const double reach = kernel_reach(kernel) * bandwidth;
    const std::size_t n = centres.size();
    // Buckets of reach x reach: a unit's environment lies in its own and the 8 around it.
    auto key = [&](std::int64_t bx, std::int64_t by) { return (static_cast<std::uint64_t>(bx) << 32) ^ static_cast<std::uint64_t>(by & 0xffffffff); };
    auto bucket = [&](double v) { return static_cast<std::int64_t>(std::floor(v / reach)); };
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
    for (std::size_t j = 0; j < n; ++j) buckets[key(bucket(centres[j].x), bucket(centres[j].y))].push_back(j);
    GroupCounts out(counts.size(), std::vector<double>(n, 0.0));
    std::vector<std::pair<std::size_t, double>> environment;
    for (std::size_t i = 0; i < n; ++i) {
        environment.clear();
        const std::int64_t bx = bucket(centres[i].x), by = bucket(centres[i].y);
        for (std::int64_t y = by - 1; y <= by + 1; ++y)
            for (std::int64_t x = bx - 1; x <= bx + 1; ++x) {
                const auto it = buckets.find(key(x, y));
                if (it == buckets.end()) continue;
                for (std::size_t j : it->second) {
                    const double dx = centres[j].x - centres[i].x, dy = centres[j].y - centres[i].y;
                    if (dx * dx + dy * dy > reach * reach) continue;
                    const double w = kernel_weight(kernel, std::sqrt(dx * dx + dy * dy) / bandwidth);
                    if (w > 0) environment.emplace_back(j, w);
                }
            }
        // Ascending j: the sums do not depend on how the buckets are laid out.
        std::sort(environment.begin(), environment.end());
        for (std::size_t m = 0; m < counts.size(); ++m) {
            double sum = 0;
            for (const auto& [j, w] : environment) sum += w * counts[m][j];
            out[m][i] = sum;
        }
    }
    return out;
}

GroupCounts smooth_on_grid(const GroupCounts& counts, const GridCells& cells, double bandwidth, Kernel kernel, unsigned threads) {
    const DenseLayout layout = dense_layout(cells);
    const std::size_t n = cells.size();
    if (n == 0 || layout.rows > (8 * n + (1u << 22)) / layout.cols) {
        std::vector<geometry::Point> centres(n);
        for (std::size_t i = 0; i < n; ++i)
            centres[i] = {(static_cast<double>(cells.col[i]) + 0.5) * cells.cell_size, (static_cast<double>(cells.row[i]) + 0.5) * cells.cell_size};
        return smooth_by_centres(counts, centres, bandwidth, kernel);
    }
    const Disc disc = disc_of(cells.cell_size, kernel_reach(kernel) * bandwidth);
    GroupCounts out(counts.size(), std::vector<double>(n));
    std::vector<double> layer(layout.rows * layout.cols), smoothed;
    for (std::size_t m = 0; m < counts.size(); ++m) {
        std::fill(layer.begin(), layer.end(), 0.0);
        for (std::size_t i = 0; i < n; ++i) layer[layout.index[i]] = counts[m][i];
        if (kernel == Kernel::Box) box_layer(layer, layout.rows, layout.cols, disc, threads, smoothed);
        else weighted_layer(layer, layout.rows, layout.cols, disc, kernel, cells.cell_size, bandwidth, smoothed);
        for (std::size_t i = 0; i < n; ++i) out[m][i] = smoothed[layout.index[i]];
    }
    return out;
}

}  // namespace regio::segregation
