#pragma once
// `regio crosswalk build`: its options (registered with apply and chain in
// crosswalk_command.cpp), bound to harmonise::CrosswalkBuildRequest and run
// by the library (regio/harmonise/crosswalk_build_operation.hpp).
#include "commands.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "region_options.hpp"
#include "text_options.hpp"

#include <string>

namespace regio::cli {

struct BuildArgs {
    RegionOptions from;
    RegionOptions to;
    std::string weights;
    std::string weights_layer;  // --weights-layer: the points' layer apart from the source
    std::string weights_x;
    std::string weights_y;
    std::string weights_crs;
    std::string weights_field;
    std::string from_name;
    std::string to_name;
    std::string work_crs;
    double min_share = harmonise::CrosswalkOptions{}.min_share;
    double min_area = 0;
    double boundary_tolerance = -1;  // metres; < 0: from the map scale in the file names, else 0
    int within_prefix = 0;           // parents: the first N characters of the ids
    std::string within;              // parents: FROM_FIELD=TO_FIELD
    std::string changes;
    std::string changes_layer;       // --changes-layer: the table of --changes PG:..., or a layer name
    std::string gpkg;
    TextInputArgs text;
    OutputOptions out;
};

int run_crosswalk_build(const BuildArgs& args);

}  // namespace regio::cli
