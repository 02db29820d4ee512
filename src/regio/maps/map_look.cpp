#include "regio/maps/map_look.hpp"

#include "regio/classify/options_check.hpp"
#include "regio/error.hpp"
#include "regio/render/legend_labels.hpp"
#include "regio/style/style_catalog.hpp"

#include <algorithm>
#include <cctype>

namespace regio::maps {
namespace {

bool same_color(const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

}  // namespace

MapLook resolve_look(const MapRequest& request) {
    MapLook out;
    out.style_path = style::resolve_style(request.style);  // a shipped style by name, or a file
    const style::MapStyleFile& st = out.style;
    if (!out.style_path.empty()) out.style = style::load_map_style(out.style_path);
    render::ClassSpec& spec = out.spec;
    spec.method = classify::parse_method(!request.method.empty() ? request.method
                                                                 : st.method.value_or(request.breaks.empty() && st.breaks.empty() ? "quantile" : "manual"));
    if (request.classes) classify::check_class_count(*request.classes, "--classes");
    spec.k = request.classes ? *request.classes : st.classes.value_or(5);
    if (spec.method == classify::Method::Manual) spec.options.manual_breaks = !request.breaks.empty() ? request.breaks : st.breaks;
    spec.palette = !request.palette.empty() ? request.palette : st.palette.value_or("");
    spec.reverse = request.palette_order == PaletteOrder::Reversed || st.reverse.value_or(false);
    spec.center = request.center ? request.center : st.center;
    if (!request.labels.empty()) spec.labels.style = render::parse_label_style(request.labels, "--labels");
    spec.labels.decimals = request.decimals;
    spec.labels.unit = request.unit;
    render::MapStyle& look = out.look;
    if (st.nodata_color) look.nodata_color = *st.nodata_color;
    if (st.nodata_label) look.nodata_label = *st.nodata_label;
    if (st.confidential_color) look.confidential_color = *st.confidential_color;
    if (st.confidential_label) look.confidential_label = *st.confidential_label;
    if (st.border_color) look.border_color = *st.border_color;
    if (st.border_width) look.border_width = *st.border_width;
    if (st.font) look.font = *st.font;
    if (same_color(look.confidential_color, look.nodata_color))
        throw ConfigError("confidential_color and nodata_color must differ (the GeoPackage tells them apart by fill)",
                          Where{out.style_path, {}, {}, {}, "confidential_color"});
    return out;
}

std::string legend_title(const MapRequest& request, const style::MapStyleFile& style, const std::string& definition_label) {
    if (!request.legend_title.empty()) return request.legend_title;
    if (style.legend_title) return *style.legend_title;
    return !definition_label.empty() ? definition_label : request.values.field;
}

}  // namespace regio::maps
