#pragma once
// How regio map classes and draws: the style file (a shipped style by name or
// a file) gives defaults, the request's options win. Gathered once, before
// any input is read, so that a bad style is reported first.
#include "regio/maps/map_operation.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/style/map_style.hpp"

#include <string>

namespace regio::maps {

struct MapLook {
    std::string style_path;     // resolved: empty without a style
    style::MapStyleFile style;  // the style file's settings (all unset without one)
    render::ClassSpec spec;     // method, k, breaks, palette, labels; options.source set by the caller
    render::MapStyle look;      // colours, borders and font
};

// ConfigError when the style cannot be read or its confidential and no-data
// colours are the same; UsageError for a bad --classes, --method or --labels.
MapLook resolve_look(const MapRequest& request);

// The legend's title: --legend-title, the style's, the indicator's definition
// (the `label` column of regio indicators' table), or the field as a last resort.
std::string legend_title(const MapRequest& request, const style::MapStyleFile& style, const std::string& definition_label);

}  // namespace regio::maps
