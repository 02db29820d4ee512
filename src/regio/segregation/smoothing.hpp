#pragma once
// Local environments ("egohoods", ../shared/spec/segregation.md §4): every
// unit's counts replaced by the kernel-weighted sums over all units whose
// centre lies within the kernel's reach of its own centre,
//   x~_im = sum_j w(d_ij / r) x_jm,
// w(u) = 1 for u <= 1 (box), max(0, 1 - u) (triangular), exp(-u^2/2) for
// u <= 4 (gaussian, truncated). w(0) = 1: a unit is in its own environment.
// Smoothing is linear, so the smoothed totals are the sums of the smoothed
// groups.
#include "regio/geometry/types.hpp"
#include "regio/segregation/grid_cells.hpp"
#include "regio/segregation/multigroup.hpp"

#include <vector>

namespace regio::segregation {

enum class Kernel { Box, Triangular, Gaussian };

// w(u) for u = d / r >= 0 (0 beyond the kernel's reach).
double kernel_weight(Kernel kernel, double u);
// The distance beyond which w is 0, as a multiple of r (1, or 4 for gaussian).
double kernel_reach(Kernel kernel);

// Any units with centres (regions: polygon centroids in a projected CRS).
// Neighbour search through buckets of the kernel's reach: linear in the
// units and their neighbours.
GroupCounts smooth_by_centres(const GroupCounts& counts, const std::vector<geometry::Point>& centres, double bandwidth, Kernel kernel);

// Grid cells (centre to centre distances are whole multiples of the cell
// size): the same sums, computed on a dense array over the cells' extent.
// The box kernel sums each row of the disc from prefix sums (cost grows with
// r, not r^2); the others apply their weights cell offset by cell offset.
// Falls back to smooth_by_centres when the cells are too sparse for a dense
// array. The box kernel's rows are shared out over `threads` threads.
GroupCounts smooth_on_grid(const GroupCounts& counts, const GridCells& cells, double bandwidth, Kernel kernel, unsigned threads = 1);

}  // namespace regio::segregation
