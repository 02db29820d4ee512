#pragma once
// Where things go on the page of a choropleth: the map frame (or a grid of
// panels for small multiples), the legend column on the right, and the
// inset boxes for outlying regions. Pure arithmetic on pixel frames, so it
// is tested without drawing anything.
//
// Insets of a single map go in the legend column under the legend, in a
// grid of equal square boxes; when the legend leaves too little room there,
// or when the page holds several panels, they go in a strip along the
// bottom of each map frame instead.
#include "regio/render/viewport.hpp"

#include <cstddef>
#include <vector>

namespace regio::render {

inline constexpr double kPageMargin = 16;
inline constexpr double kLegendWidth = 210;
inline constexpr double kPanelGap = 14;
inline constexpr double kPanelTitleHeight = 18;
inline constexpr double kInsetGap = 6;
inline constexpr double kInsetMaxSide = 130;  // px: insets stay small beside the main map
inline constexpr double kInsetMinSide = 56;   // px: smaller boxes move to a strip under the map
inline constexpr double kInsetStripShare = 0.26;  // of a map frame's height, at most

struct PageSpec {
    double width = 900, height = 700;
    double header = kPageMargin;  // title and subtitle
    double footer = 50;           // scale bar and source note
    double legend_height = 0;     // from the top of the legend (header + 4)
    double legend_width = kLegendWidth;  // wider for long labels (svg_legend.hpp legend_width)
    std::size_t panels = 1;
    bool panel_titles = false;
    std::size_t insets = 0;
    double aspect = 1;  // width / height of the main frame's extent (chooses the panel grid)
};

struct PanelFrames {
    Frame cell;                 // the whole panel: title, map and inset strip
    Frame map;                  // the main map frame
    std::vector<Frame> insets;  // inset boxes (their outer border)
};

struct PageLayout {
    std::vector<PanelFrames> panels;  // row by row
    std::size_t columns = 1, rows = 1;
    double legend_x = 0, legend_y = 0;  // top left of the legend's text column
};

PageLayout layout_page(const PageSpec& spec);

// n equal square boxes in `area`, row by row, in the number of columns that
// gives the largest side (at most max_side; the fewest columns on ties).
std::vector<Frame> box_grid(const Frame& area, std::size_t n, double gap, double max_side);

// Inside an inset box: the map under its label.
Frame inset_map_area(const Frame& box);

}  // namespace regio::render
