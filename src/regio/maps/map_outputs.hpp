#pragma once
// The outputs of regio map, planned and checked before any input is read:
// the SVG (--output), the GeoPackage or database table (--gpkg, --gpkg-layer)
// and the report, none of them over an input, committed together.
#include "regio/io/output_plan.hpp"
#include "regio/maps/map_operation.hpp"

namespace regio::maps {

struct MapOutputs {
    const io::PlannedOutput* svg = nullptr;
    const io::PlannedOutput* gpkg = nullptr;    // nullptr without --gpkg
    const io::PlannedOutput* report = nullptr;  // nullptr without --report
};

// UsageError for an SVG not named .svg (checked before the plan is made).
void check_svg_name(const MapRequest& request);

// The outputs added to `plan`, which reads the map's inputs. UsageError for a --gpkg that is neither a .gpkg nor
// a database, a value field that would clash with the GeoPackage's columns,
// --gpkg-layer without a database, and an output that exists or is an input.
MapOutputs plan_map_outputs(const MapRequest& request, io::OutputPlan& plan);

}  // namespace regio::maps
