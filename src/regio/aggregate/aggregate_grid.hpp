#pragma once
// Grid cells -> regions. One sweep down the grid in bands of rows: each band
// is read once, and every region overlapping it takes its cells' values
// weighted by exact coverage (area), or whole cells by their centre
// (centroid). Memory is bounded by the band, not by the grid.
#include "regio/geometry/point_locator.hpp"
#include "regio/geometry/region_set.hpp"
#include "regio/grid/coverage.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/progress.hpp"
#include "regio/table/region_table.hpp"

#include <memory>
#include <string>
#include <vector>

namespace regio::aggregate {

enum class GridMethod { Area, Centroid };
enum class GridStat { Sum, Mean, WeightedMean, Count, Area };

// "sum,mean" -> stats; throws UsageError naming an unknown one.
std::vector<GridStat> parse_grid_stats(const std::string& text);
const char* stat_name(GridStat stat);

struct GridOptions {
    GridMethod method = GridMethod::Area;
    unsigned threads = 2;
    std::size_t band_bytes = std::size_t{8} << 20;
    // Grid totals, no-data counts and the union measure for the conservation
    // check; callers that only want the shapes' sums can skip them.
    bool totals = true;  // budget for one band of values
    ProgressRange progress{nullptr};
};

// Per region and value column.
struct RegionCellStats {
    double sum = 0;          // Σ value × fraction
    double valid = 0;        // Σ fraction over cells with a value
    double weighted = 0;     // Σ value × weight × fraction
    double weight = 0;       // Σ weight × fraction over cells with a value
    double covered = 0;      // Σ fraction over all cells (for the area)
};

struct GridResult {
    std::vector<std::string> value_names;
    std::vector<std::vector<RegionCellStats>> stats;  // [value][region]
    std::vector<double> grid_total;      // Σ of all values in the grid, per value
    std::vector<double> inside_regions;  // Σ value × min(1, Σ_regions fraction): the grid total inside the regions' union
    // Σ value × max(0, Σ_regions fraction - 1): value counted in more than one
    // region where regions overlap (tolerated or allowed overlaps), so that
    // allocated = inside_regions + in_overlaps.
    std::vector<double> in_overlaps;
    std::vector<double> unallocated;     // values with no cell (tables)
    std::int64_t cells = 0;
    std::vector<std::int64_t> nodata_cells;  // per value, whole grid
    double cell_area = 0;

    [[nodiscard]] double allocated(std::size_t value) const;
    // The grid total outside all regions (value counted twice in overlaps is
    // not taken from it): grid_total = allocated - in_overlaps + outside.
    [[nodiscard]] double outside(std::size_t value) const {
        return grid_total[value] - allocated(value) + (value < in_overlaps.size() ? in_overlaps[value] : 0.0);
    }
};

// What the area sweep needs of the shapes it allocates to: bounds and exact
// coverage. Region sets are one kind; overlay pieces (boundaries of a ∩ b)
// another.
class CoverageShapes {
public:
    virtual ~CoverageShapes() = default;
    [[nodiscard]] virtual std::size_t size() const = 0;
    [[nodiscard]] virtual geometry::Box bounds(std::size_t i) const = 0;
    [[nodiscard]] virtual std::unique_ptr<grid::PolygonCoverage> coverage(std::size_t i, const grid::GridDefinition& g) const = 0;
};

// regions must be in the grid's CRS. weights (optional) must be on the same
// grid; its first value column weights `weighted_mean`.
GridResult aggregate_grid(io::GridSource& grid, const geometry::RegionSet& regions, io::GridSource* weights,
                          const GridOptions& options);
// The area method over any shapes (in the grid's CRS).
GridResult aggregate_grid(io::GridSource& grid, const CoverageShapes& shapes, io::GridSource* weights,
                          const GridOptions& options);

table::RegionTable grid_table(const GridResult& result, const std::string& id_field,
                              const std::vector<std::string>& region_ids, const std::vector<GridStat>& stats);

}  // namespace regio::aggregate
