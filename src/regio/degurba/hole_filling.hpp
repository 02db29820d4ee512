#pragma once
// Gap (hole) filling of urban centres (../shared/spec/degurba.md §2.1 step 5).
#include <cstdint>
#include <vector>

namespace regio::degurba {

struct HoleStats {
    std::int64_t holes_filled = 0;
    std::int64_t cells_filled = 0;
};

// A hole is a 4-connected set of non-centre cells that does not touch the
// grid edge and whose edge-neighbours all belong to one single centre. Holes
// with area < max_hole_area_km2 join that centre. centre_id is updated in
// place; no per-cell scratch (the components are streamed, two raster passes).
// Diagonal leaks are not leaks here: a hole is bounded by 4-connectivity,
// which matches the polygon-based reference implementations (§2.1 step 5,
// implementation-defined).
HoleStats fill_holes(std::int64_t cols, std::int64_t rows, double cell_area_km2, double max_hole_area_km2,
                     std::vector<std::int32_t>& centre_id);

}  // namespace regio::degurba
