#pragma once
// The layers of regio map --gpkg: the regions with value, class (1..K, NULL
// for no data and confidential values) and fill (#RRGGBB; the confidential
// colour for suppressed values), and the QGIS style of the classes; one
// layer per panel of small multiples, named <gpkg stem>_<facet value>.
#include "regio/maps/map_data.hpp"

#include "regio/io/map_gpkg.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/choropleth_svg.hpp"

#include <string>
#include <vector>

namespace regio::maps {

// What a layer carries beside value, class and fill (issue #18 item 8): the
// regions' names (--name; empty name_field: none) and the data's counts.
// A field whose name is taken (id, value, class, fill) is left out.
struct GpkgExtras {
    std::string id_field;
    std::string name_field;
    const std::vector<std::string>* names = nullptr;
    const CarriedColumns* carried = nullptr;
};

// plan.region_class holds the classes of all panels one after the other.
std::vector<io::MapLayer> map_gpkg_layers(const std::string& gpkg_path, const MapValueSource& args, const render::PanelValues& panels,
                                          const render::ChoroplethPlan& plan, const render::MapStyle& look,
                                          const GpkgExtras& extras = {});

}  // namespace regio::maps
