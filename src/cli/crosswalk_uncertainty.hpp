#pragma once
// How sure a crosswalk is (issue #19) in crosswalk build: the
// near-boundary columns measured and summarised (harmonise/near_boundary);
// apply's per-target share is in harmonise/apply_uncertainty.
#include "regio/geometry/region_set.hpp"
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/boundary_noise.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/near_boundary.hpp"
#include "regio/harmonise/overlay.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::cli {

// Fills the near-boundary columns of `cw` (tolerance > 0). The weight in the
// bands is measured on the grid `grid_spec` (opened again) when the weights
// came from it, apportioned by area when they came from points (`grid_spec`
// empty); `weights` empty: area only.
harmonise::BandWeight measure_near_boundary(harmonise::Crosswalk& cw, const harmonise::OverlayResult& resolved,
                                            const harmonise::NoiseResult& noise, const geometry::RegionSet& from,
                                            const geometry::RegionSet& to, double tolerance_m, const std::vector<double>& weights,
                                            const std::string& grid_spec, unsigned threads);

nlohmann::ordered_json near_boundary_json(const harmonise::Crosswalk& cw, double tolerance_m, harmonise::BandWeight how);
std::string near_boundary_build_line(const harmonise::Crosswalk& cw, double tolerance_m);

}  // namespace regio::cli
