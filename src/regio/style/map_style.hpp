#pragma once
// Named choropleth styles (styles/NAME.toml): palette, classification,
// colours for no data and borders, fonts, size and legend. Every key is
// optional; command-line options override the style. Schema in the README.
#include <optional>
#include <string>
#include <vector>

namespace regio::style {

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
    std::optional<std::string> border_color;
    std::optional<double> border_width;
    std::optional<std::string> font;
    std::optional<int> width;
    std::optional<int> height;
    std::optional<std::string> legend_title;
    std::optional<std::string> source;
};

// Reads and validates a style file: unknown keys, wrong types, bad colours
// ("#RRGGBB") and unknown palettes or methods are ConfigErrors naming the
// file and key.
MapStyleFile load_map_style(const std::string& path);

}  // namespace regio::style
