// regio crosswalk build | apply | chain: harmonise geographies over time
// (apply and chain are bound in crosswalk_apply_command.cpp and
// crosswalk_chain_command.cpp).
#include "commands.hpp"
#include "option_kinds.hpp"
#include "crosswalk_build.hpp"
#include "crosswalk_subcommands.hpp"

#include "regio/error.hpp"
#include "regio/geometry/intersection.hpp"
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/apply_weight.hpp"
#include "regio/harmonise/chain_gaps.hpp"
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/crosswalk_check.hpp"
#include "regio/harmonise/overlay.hpp"
#include "regio/harmonise/pair_weights.hpp"
#include "regio/harmonise/crosswalk_files.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/point_source.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/io/table_writer.hpp"
#include "region_options.hpp"
#include "stopwatch.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <memory>
#include <optional>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>

namespace regio::cli {
namespace {

// `which` is "older" or "newer".
void add_side(CLI::App& cmd, RegionOptions& side, const std::string& name, const std::string& which) {
    cmd.add_option("--" + name, side.regions, "The " + which + " vintage: FILE[:LAYER]")->type_name(kInputLayer)->required();
    cmd.add_option("--" + name + "-id", side.id, "Unit id field of the " + which + " vintage")->required();
    cmd.add_option("--" + name + "-layer", side.regions_layer, "Layer (table) of --" + name + ", when the source has several");
    add_region_fix_options(cmd, side, name + "-");
}

}  // namespace

void add_crosswalk(CLI::App& app, Action& action) {
    CLI::App* crosswalk = app.add_subcommand("crosswalk", "Harmonise geographies over time: build, apply and chain crosswalks");
    crosswalk->require_subcommand(1);

    auto build = std::make_shared<BuildArgs>();
    CLI::App* b = crosswalk->add_subcommand("build", "Overlay two vintages: crosswalk rows and the typed list of changes");
    add_side(*b, build->from, "from", "older");
    add_side(*b, build->to, "to", "newer");
    b->add_option("--weights", build->weights,
                  "Weight each piece by population: a raster (exact coverage), or points (a CSV, or FILE[:LAYER] of any "
                  "OGR point layer) located in both vintages")->type_name(kInputLayer);
    b->add_option("--weights-layer", build->weights_layer, "Layer (table) of --weights points, when the source has several");
    b->add_option("--weights-x", build->weights_x, "CSV column of the weight points' x (default: x, lon, longitude or easting)");
    b->add_option("--weights-y", build->weights_y, "CSV column of the weight points' y (default: y, lat, latitude or northing)");
    b->add_option("--weights-crs", build->weights_crs,
                  "CRS of the weight points (EPSG:3035, WKT, PROJ string); required for CSV, checked against a layer's own");
    b->add_option("--weights-field", build->weights_field, "Numeric field of the weight points to sum (default: count the points)");
    b->add_option("--from-name", build->from_name, "Unit name field of the older vintage (with --to-name: 'renamed' changes)");
    b->add_option("--to-name", build->to_name, "Unit name field of the newer vintage");
    b->add_option("--work-crs", build->work_crs, "Projected CRS to measure areas in (default: the --from layer's)");
    b->add_option("--min-share", build->min_share, "Pieces below this share of both units are slivers (dropped, reported)")
        ->capture_default_str();
    b->add_option("--min-area", build->min_area, "Pieces below this area (CRS units²) are slivers")->capture_default_str();
    b->add_option("--boundary-tolerance", build->boundary_tolerance,
                  "Pieces thinner than this everywhere (metres) are boundary noise, given back to their source's main target "
                  "(default: 0.25 mm at the map scale a GISCO-style file name gives, e.g. 5000 for _20M_; otherwise 0, exact)")
        ->check(CLI::NonNegativeNumber);
    b->add_option("--within-prefix", build->within_prefix,
                  "Both vintages nest in unchanged parents named by the first N characters of the ids: no piece crosses a parent")
        ->check(CLI::PositiveNumber);
    b->add_option("--within", build->within, "Unchanged parents from fields: FROM_FIELD=TO_FIELD (see --within-prefix)");
    b->add_option("--changes", build->changes,
                  "Write CHANGES.csv: side,id,type,counterparts,detail (or .gpkg, .fgb, .geojson, .parquet with each unit's "
                  "polygon, or a database: PG:CONNECTION with --changes-layer)")->type_name(kOutputFile);
    b->add_option("--changes-layer", build->changes_layer,
                  "Table of a database --changes ([SCHEMA.]NAME, written in one transaction and renamed into place), or "
                  "the layer name in a file (default: the file's name)");
    b->add_option("--gpkg", build->gpkg, "Write the kept pieces as polygons: piece, from_id, to_id, area_m2, shares")->type_name(kOutputFile);
    add_text_options(*b, build->text);
    add_output_options(*b, build->out);
    add_table_destination_options(*b, build->out);
    b->footer(R"(CROSSWALK.csv: from_id,to_id,area_m2,area_share_from,area_share_to
and, with --weights, weight,weight_share_from,weight_share_to. The
kept shares of each source sum to exactly 1. With a tolerance D > 0,
near_boundary_area_share (and near_boundary_weight_share with
weights) follow: the share of the row within D of a line between the
source's pieces that go to different targets, or given to it as
noise (grid weights measured in that band, point weights apportioned
by area within the piece). Without a tolerance they are left out. Weight points count
(or sum --weights-field) in the piece of both units they fall in;
read = in pieces + outside all pieces + invalid.
CHANGES.csv types: unchanged, recoded, renamed, boundary_shift
(detail minor/major), split, merged, split_merge, new, discontinued.
Both tables may go into a database (-o PG:... --output-layer NAME, or
--changes PG:... --changes-layer NAME; one database output per run)
or a .gpkg/.fgb/.geojson/.parquet layer, where each crosswalk row
carries its piece and each change its unit's polygon.

Example:
  regio crosswalk build \
    --from districts.gpkg:districts_2023 --from-id district_id \
    --to districts.gpkg:districts_2024 --to-id district_id \
    --weights pop_100m.tif -o out/crosswalk_2023_2024.csv \
    --changes out/changes_2023_2024.csv)");
    b->callback([build, &action] { action = [build] { return run_crosswalk_build(*build); }; });

    add_crosswalk_apply(*crosswalk, action);
    add_crosswalk_chain(*crosswalk, action);
}

}  // namespace regio::cli
