#pragma once
// How sure a built crosswalk is (issue #19): crosswalk build measures the
// near-boundary columns (harmonise/near_boundary) and summarises them for
// its report and its summary line.
#include "regio/geometry/region_set.hpp"
#include "regio/harmonise/boundary_noise.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/near_boundary.hpp"
#include "regio/harmonise/overlay.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::harmonise {

// Fills the near-boundary columns of `cw` (tolerance > 0). The weight in the
// bands is measured on the grid `grid_spec` (opened again) when the weights
// came from it, apportioned by area when they came from points (`grid_spec`
// empty); `weights` empty: area only.
BandWeight measure_near_boundary(Crosswalk& cw, const OverlayResult& resolved, const NoiseResult& noise,
                                 const geometry::RegionSet& from, const geometry::RegionSet& to, double tolerance_m,
                                 const std::vector<double>& weights, const std::string& grid_spec, unsigned threads);

nlohmann::ordered_json near_boundary_json(const Crosswalk& cw, double tolerance_m, BandWeight how);
std::string near_boundary_build_line(const Crosswalk& cw, double tolerance_m);

}  // namespace regio::harmonise
