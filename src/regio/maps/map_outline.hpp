#pragma once
// regio map --outline FILE[:LAYER]: boundaries of another layer (e.g. the
// districts over planning areas) drawn above the choropleth, optionally
// labelled with a field of that layer.
#include "regio/geometry/region_set.hpp"
#include "regio/io/crs.hpp"
#include "regio/render/outline_overlay.hpp"

#include <string>
#include <vector>

namespace regio::maps {

struct OutlineSource {
    std::string layer;       // FILE[:LAYER] or any GDAL data source; empty: no outlines
    std::string layer_name;  // --outline-layer: the layer apart from the source (colons stay in it)
    std::string id;        // the layer's id field (ids checked like every region layer); default: `label`
    std::string label;     // field drawn at each shape's label point; empty: no labels
    std::string encoding;  // --encoding of the run
};

struct Outlines {
    geometry::RegionSet regions;      // in the map CRS
    std::vector<std::string> labels;  // per region; empty strings without --outline-label
    [[nodiscard]] std::vector<render::OutlineShape> shapes() const;
};

// Reads and reprojects the outline layer into the map's CRS. UsageError
// without an id or label field; the reader's errors name file, layer and field.
Outlines read_outlines(const OutlineSource& args, const io::Crs& map_crs, std::vector<std::string>& warnings);

}  // namespace regio::maps
