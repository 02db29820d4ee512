#pragma once
// A choropleth as one self-contained, deterministic SVG: title, subtitle,
// the map (a path per region with its id and a <title> tooltip), a legend
// (swatches, class bounds, counts, no data), a scale bar and a source note.
// Outlying regions can go into insets (framed boxes with their own scale),
// and several panels (small multiples) can share one legend.
#include "regio/geometry/types.hpp"
#include "regio/render/outline_overlay.hpp"
#include "regio/style/map_style.hpp"

#include <optional>
#include <string>
#include <vector>

namespace regio::render {

struct MapRegion {
    std::string id;
    std::string name;
    const geometry::MultiPolygon* shape = nullptr;  // in the map CRS
    std::optional<double> value;
    int klass = -1;  // index into the legend's classes; -1 = no data, -2 = confidential (choropleth_plan.hpp)
};

struct LegendClass {
    std::string label;  // e.g. "(10.5, 30.75]"
    std::string color;  // #rrggbb
    std::size_t count = 0;
};

struct MapStyle {
    std::string nodata_color = "#D9D9D9";
    std::string nodata_label = "no data";
    // Suppressed values (choropleth.md §5.2): cross-hatched on this colour,
    // apart from the no-data hatch and from every class colour.
    std::string confidential_color = "#BDBDBD";
    std::string confidential_label = "confidential";
    std::string border_color = "#FFFFFF";
    // Classes whose fill is nearly as light as the border get this border
    // instead, so their areas stay apart (the neutral class of a diverging palette).
    std::string light_border_color = "#A6A6A6";
    double border_width = 0.4;
    std::string font = "Helvetica, Arial, sans-serif";
    std::string background = "#FFFFFF";
};

struct MapText {
    std::string title;
    std::string subtitle;
    std::string source;
    std::string legend_title;
    std::string method_note;  // under the legend, e.g. "quantiles, k = 5" (choropleth.md §5.3)
};

struct MapSpec {
    int width = 900;
    int height = 700;
    bool metres = true;          // map units are metres (scale bar in km)
    int decimals = 1;            // coordinate precision in pixels
    std::optional<geometry::Box> extent;  // the main frame; default: all regions not in an inset
    std::vector<style::MapInset> insets;  // outlying regions, by id prefix, in boxes of their own
    double simplify = 0;                  // display simplification in pixels (per frame, at its own scale)
    std::vector<OutlineShape> outlines;   // drawn above the regions of the main frame of every panel (not in insets)
    OutlineStyle outline_style;
};

// One map of small multiples: every panel lists the same regions in the
// same order (same ids and shapes); only values and classes differ.
struct MapPanel {
    std::string title;  // e.g. the facet value; empty for a single map
    std::vector<MapRegion> regions;
};

struct MapDrawing {
    std::string svg;
    std::vector<std::string> warnings;  // insets matching no region, regions outside the frame
    std::size_t in_insets = 0;          // regions drawn in insets (per panel)
    std::size_t topology_restored = 0;  // --simplify: points put back to keep the topology
};

// classes and nodata_count describe the legend shared by all panels (counts
// over all panels); the confidential entry (after no data) counts the regions
// of all panels with klass -2, and appears only when there are any. Throws ConfigError when a region matches two insets.
MapDrawing draw_map(const std::vector<MapPanel>& panels, const std::vector<LegendClass>& classes, std::size_t nodata_count,
                    const MapStyle& style, const MapText& text, const MapSpec& spec);

// A single map (one panel without a title); warnings are dropped.
std::string choropleth_svg(const std::vector<MapRegion>& regions, const std::vector<LegendClass>& classes,
                           std::size_t nodata_count, const MapStyle& style, const MapText& text, const MapSpec& spec);

// Labels "[min, b0]", "(b0, b1]", ... with the fewest decimals (0..6) that
// keep neighbouring bounds distinct.
std::vector<std::string> class_labels(double lowest, const std::vector<double>& bins);

// A value for tooltips: up to 6 significant digits.
std::string format_value(double value);

}  // namespace regio::render
