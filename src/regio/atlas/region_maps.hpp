#pragma once
// The regions as the atlas draws them: read once from the run's map layer,
// simplified once for display (shared borders stay shared), turned into SVG
// path data once and reused by every map of the site; their neighbours
// (rook contiguity) for the area profiles; and per indicator series the
// classes and colours, with the map step's style when the run drew that
// series, else quantiles (diverging around 0 for gaps).
#include "regio/atlas/indicator_series.hpp"
#include "regio/atlas/run_inputs.hpp"
#include "regio/geometry/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace regio::atlas {

struct RegionMaps {
    std::string source;  // FILE[:LAYER]
    std::vector<std::string> ids, names;  // layer order; a missing name is the id
    std::vector<std::string> paths;       // SVG path data in the atlas frame
    std::vector<geometry::Box> boxes;     // per region, in pixels
    std::vector<std::vector<std::size_t>> neighbours;
    int width = 640, height = 480;
    std::vector<std::string> warnings;
};

// Reads map.layer (id and name fields as the map step had them).
// simplify_px: display tolerance in pixels at the atlas frame's scale.
RegionMaps load_region_maps(const MapStep& map, int width, double simplify_px);

struct SeriesClasses {
    std::vector<int> region_class;  // per region (RegionMaps order): 0..k-1, -1 no data, -2 confidential
    std::vector<std::string> colors, labels;
    std::vector<std::size_t> counts;
    std::size_t nodata = 0, confidential = 0;
    std::string nodata_color = "#D9D9D9", confidential_color = "#BDBDBD";
    std::string method_note;
    std::vector<std::string> warnings;
    [[nodiscard]] std::string fill(std::size_t region) const;
};

// `style` is the map step that drew this series (nullptr: none).
SeriesClasses classify_series(const Series& series, const std::vector<std::string>& ids, const MapStep* style);

// A standalone SVG of the regions filled with `fills` (thumbnails, the
// locator's base map); `title` is its accessible name.
std::string static_map_svg(const RegionMaps& maps, const std::vector<std::string>& fills, const std::string& title);

// The confidential hatch, shared by inline and standalone maps.
std::string hatch_pattern_svg(const std::string& confidential_color);

}  // namespace regio::atlas
