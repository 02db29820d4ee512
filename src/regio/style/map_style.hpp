#pragma once
// Named choropleth styles (styles/NAME.toml): palette, classification,
// colours for no data, confidential values and borders, fonts, size, legend, and the frame: the
// main map's extent and insets for outlying regions. Every key is optional;
// command-line options override the style. Schema in the README.
#include "regio/geometry/types.hpp"
#include "regio/style/style_categories.hpp"

#include <optional>
#include <string>
#include <vector>

namespace regio::style {

// Outlying regions (e.g. overseas territories that would blow up a European
// extent) drawn in a small framed box of their own, as Eurostat maps do.
struct MapInset {
    std::string label;                    // shown in the box, e.g. "Canarias (ES)"
    std::vector<std::string> ids;         // region id prefixes that go into this inset
    std::optional<geometry::Box> extent;  // in the map CRS; default: its regions' bounds with a margin
};

struct MapStyleFile {
    std::string name;  // file stem
    std::optional<std::string> palette;
    std::optional<bool> reverse;
    std::optional<std::string> method;
    std::optional<std::size_t> classes;
    std::vector<double> breaks;  // fixed breaks (method "manual")
    std::optional<double> center;
    std::optional<std::string> nodata_color;
    std::optional<std::string> nodata_label;
    std::optional<std::string> confidential_color;  // suppressed values (cross-hatched on this colour)
    std::optional<std::string> confidential_label;
    std::optional<std::string> border_color;
    std::optional<double> border_width;
    std::optional<std::string> font;
    std::optional<int> width;
    std::optional<int> height;
    std::optional<std::string> legend_title;
    std::optional<std::string> source;
    std::optional<geometry::Box> extent;  // the main frame in the map CRS (--extent overrides)
    std::vector<MapInset> insets;
    // A categorical style: each value a class, in legend order (map --categorical).
    std::vector<StyleCategory> categories;
};

// Reads and validates a style file: unknown keys, wrong types, bad colours
// ("#RRGGBB"), unknown palettes or methods, empty extents and insets whose id
// prefixes overlap (a region would belong to both) are ConfigErrors naming
// the file and key.
MapStyleFile load_map_style(const std::string& path);

}  // namespace regio::style
