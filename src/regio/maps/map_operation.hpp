#pragma once
// The operation behind `regio map`: a choropleth (classed or categorical) of
// a value per region as SVG, optionally the same classes as a styled
// GeoPackage or database table (QGIS reads its layer_styles) and a JSON
// report; the three are planned and checked before anything is read and
// committed together (io::OutputPlan). It lives apart from render/ because it
// reads and writes through io/, which render/ does not know (design.md).
#include "regio/maps/map_categories.hpp"
#include "regio/maps/map_data.hpp"
#include "regio/maps/map_outline.hpp"
#include "regio/io/output_file.hpp"
#include "regio/progress.hpp"
#include "regio/regions/region_source.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/map_report.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace regio::maps {

// Light default simplification (issue #18 item 8): a quarter of an output
// pixel changes nothing visible and drops the vertices closer together than
// that (the demo map: see CHANGELOG); shared borders are simplified once, so
// neighbours stay gap-free (render/simplify.hpp).
inline constexpr double kDefaultSimplifyPx = 0.25;

enum class PaletteOrder { AsDefined, Reversed };  // --reverse (or the style's reverse)

struct MapRequest {
    // --layer, --layer-name, --id, --set-id, --skip-feature; the encoding is
    // values.text's. The layer is read with its name and value fields, not
    // through load_checked_regions, so `cache` is not used.
    regions::RegionSource regions;
    std::string name;         // --name: field of region names (tooltips, the GeoPackage)
    MapValueSource values;    // --field, --data, --data-id, --where, --facet, --minus, --flag-column, text options
    std::string style;        // a shipped style by name or a style file; the options below override it
    MapKind kind = MapKind::Classed;  // Categorical: --categorical (a style with [[categories]] implies it)
    std::string label_field;  // --label-field
    std::optional<std::size_t> classes;
    std::string method;
    std::vector<double> breaks;
    std::string palette;
    PaletteOrder palette_order = PaletteOrder::AsDefined;
    std::optional<double> center;
    std::string title, subtitle, source, legend_title;
    std::string labels, unit;
    std::optional<int> decimals;
    OutlineSource outline;    // encoding: values.text's
    int width = 0, height = 0;  // 0: the style's, else 900 x 700
    std::string crs;
    std::vector<double> extent;  // empty or xmin,ymin,xmax,ymax
    double simplify_px = kDefaultSimplifyPx;  // 0: every vertex
    std::string output;       // the SVG
    std::string gpkg;         // a .gpkg or a database (PG:...)
    std::string gpkg_layer;   // the table of a database gpkg (issue #16)
    std::string report;       // JSON report, committed with the other outputs
    io::Overwrite overwrite = io::Overwrite::No;
};

struct MapResult {
    render::MapReport report;     // what --report records (its warnings are `warnings`)
    render::ChoroplethPlan plan;  // classes, colours, labels, counts over all panels
    MapKind kind = MapKind::Classed;
    std::string method;           // the classification method's name
    std::size_t panels = 1;
    std::string facet;            // --facet column (empty: none)
    std::size_t in_insets = 0;
    std::size_t topology_restored = 0;
    std::size_t svg_bytes = 0;
    std::vector<std::string> warnings;  // in the order they arose
    [[nodiscard]] nlohmann::ordered_json to_json() const;
    // "map: N regions, K classes (method), N without data; N bytes of SVG"
    // and, when simplification kept points to save the topology, a second line.
    [[nodiscard]] std::string summary() const;
};

// UsageError for options that do not go together or outputs that cannot be
// written; ConfigError for a bad style; IoError/DataError/CrsError for
// unreadable or inconsistent inputs. The warnings go to `warn` once every
// output is in place (as `regio map` has always printed them, after the
// files), and stay in the result and the report.
MapResult run(const MapRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::maps
