#pragma once
// The legend of a choropleth: title, a swatch per class with its bounds as
// used and the number of areas, the no-data and confidential entries, and the method note
// (choropleth.md §5.3). Its height is known before drawing, so the page
// layout can put insets under it.
#include "regio/render/choropleth_svg.hpp"

#include <string>
#include <vector>

namespace regio::render {

struct LegendContent {
    const std::vector<LegendClass>* classes = nullptr;
    std::size_t nodata_count = 0;
    std::string nodata_label;
    std::string title;
    std::string method_note;
    std::size_t confidential_count = 0;  // suppressed values: an entry after no data when > 0
    std::string confidential_label;
};

// Pixels from the top of the legend to the bottom of its last line.
double legend_height(const LegendContent& legend);

// Pixels the legend needs across: kLegendWidth, or more when an entry's
// label (category names such as "Suburban or peri-urban areas") would run
// off the page. Text width is estimated (no font metrics): 7 px per
// character at 12 px, generous for proportional sans-serif fonts.
double legend_width(const LegendContent& legend);

// Appends <g id="legend">…</g> with its top left at (x, y).
void append_legend(std::string& svg, const LegendContent& legend, double x, double y);

}  // namespace regio::render
