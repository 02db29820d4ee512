#include "regio/maps/map_outputs.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"

namespace regio::maps {

void check_svg_name(const MapRequest& request) {
    if (io::extension_of(request.output) != "svg") throw UsageError("the map is written as SVG: name it .svg");
}

MapOutputs plan_map_outputs(const MapRequest& request, io::OutputPlan& plan) {
    MapOutputs out;
    out.svg = &plan.add("--output", request.output);
    const std::string& id = request.regions.id;
    if (!request.gpkg.empty()) {
        const std::string& field = request.values.field;
        if (io::extension_of(request.gpkg) != "gpkg" && !io::is_data_source_name(request.gpkg))
            throw UsageError("--gpkg must name a .gpkg file or a database (PG:... with --gpkg-layer)");
        if (field == "class" || field == "fill" || field == id)
            throw UsageError("--gpkg writes columns '" + id + "', 'class' and 'fill': the value column '" + field + "' would clash with them");
    }
    if (!request.gpkg_layer.empty() && !io::is_data_source_name(request.gpkg))
        throw UsageError("--gpkg-layer names the table of a database --gpkg (PG:...); a GeoPackage's layer is named after its file");
    out.gpkg = request.gpkg.empty()                       ? nullptr
               : io::is_data_source_name(request.gpkg) ? &plan.add_table("--gpkg", {request.gpkg, request.gpkg_layer, {}})
                                                       : &plan.add("--gpkg", request.gpkg);
    out.report = plan.add_optional("--report", request.report);
    return out;
}

}  // namespace regio::maps
