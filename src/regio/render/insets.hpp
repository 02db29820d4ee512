#pragma once
// Which frame each region is drawn in: the main map or one of the insets of
// a style (style::MapInset: regions picked by id prefix), and the extent of
// every frame. Regions in insets are left out of the main frame's extent, so
// overseas territories no longer blow up a map of Europe.
#include "regio/geometry/types.hpp"
#include "regio/style/map_style.hpp"

#include <string>
#include <vector>

namespace regio::render {

inline constexpr int kMainFrame = -1;

// Per region: kMainFrame, or the index of the inset whose id prefixes match
// it. A region matching two insets is a ConfigError naming both; an inset
// that matches no region is a warning (it is then not drawn).
std::vector<int> assign_insets(const std::vector<std::string>& ids, const std::vector<style::MapInset>& insets,
                               std::vector<std::string>& warnings);

// The bounds of the regions assigned to `frame` (kMainFrame or an inset
// index); null shapes and empty shapes are skipped. Empty when none.
geometry::Box frame_bounds(const std::vector<const geometry::MultiPolygon*>& shapes, const std::vector<int>& assignment, int frame);

// An inset's extent: its own, or its regions' bounds with a margin of 8 % of
// the larger side on every side (so coasts do not touch the box).
geometry::Box inset_extent(const style::MapInset& inset, const geometry::Box& region_bounds);

}  // namespace regio::render
