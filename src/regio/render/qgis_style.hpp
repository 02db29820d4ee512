#pragma once
// QGIS styles for a classified layer: QML (QGIS's own format) and SLD, written
// into a GeoPackage's layer_styles table so that QGIS opens the layer with
// the same classes and colours as the SVG map. Both categorise on the
// layer's `class` column (1..K, NULL for no data, drawn hatched; NULL with
// the confidential fill for suppressed values, cross-hatched).
#include <optional>
#include <string>
#include <vector>

namespace regio::render {

struct StyleClass {
    int value;           // 1..K
    std::string label;   // e.g. "(10.5, 30.75]"
    std::string color;   // #RRGGBB
};

// Suppressed values (choropleth.md §5.2): `class` NULL like no data, told
// apart by `fill` = color (which must differ from the no-data colour), drawn
// cross-hatched. Without it the styles are exactly those of no data alone.
struct ConfidentialStyle {
    std::string color;  // #RRGGBB
    std::string label;  // e.g. "confidential"
};

std::string qml_style(const std::vector<StyleClass>& classes, const std::string& nodata_color,
                      const std::string& nodata_label, const std::string& border_color,
                      const std::optional<ConfidentialStyle>& confidential = std::nullopt);
std::string sld_style(const std::string& layer_name, const std::vector<StyleClass>& classes,
                      const std::string& nodata_color, const std::string& nodata_label, const std::string& border_color,
                      const std::optional<ConfidentialStyle>& confidential = std::nullopt);

}  // namespace regio::render
