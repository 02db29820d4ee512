#include "region_options.hpp"
#include "option_kinds.hpp"

#include <iostream>

namespace regio::cli {

void add_region_options(CLI::App& command, RegionOptions& options) {
    command.add_option("--regions", options.regions, "Region polygons: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")->type_name(kInputLayer)->required();
    auto* layer = command.add_option("--regions-layer", options.regions_layer, "Layer (table) of --regions, when the source has several");
    command.add_option("--regions-sql", options.regions_sql, "A query of --regions (a database) whose rows are the regions")
        ->excludes(layer);
    command.add_option("--id", options.id, "Field with the region id (read as text; must be unique)")->required();
    command.add_flag("--allow-overlaps", options.allow_overlaps,
                     "Accept overlapping regions; a point or cell centre then goes to the first region in input order");
    command
        .add_option("--overlap-tolerance", options.overlap_tolerance,
                    "Overlap between two regions accepted as a digitising sliver, as a share of the smaller one's area")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    add_region_fix_options(command, options);
}

void add_region_fix_options(CLI::App& command, RegionOptions& options, const std::string& prefix) {
    options.fix_prefix = prefix;
    command.add_option("--" + prefix + "set-id", options.set_ids,
                       "Give feature FID another region id while reading, FID=VALUE (repeatable; settles a duplicated id)")
        ->take_all()->allow_extra_args(false);
    command.add_option("--" + prefix + "skip-feature", options.skip_features,
                       "Leave feature FID out of the regions (repeatable; recorded in the report)")
        ->take_all()->allow_extra_args(false);
}

WarningFn warning_printer(bool quiet) {
    if (quiet) return {};
    return [](std::string_view warning) { std::cerr << "regio: warning: " << warning << '\n'; };
}

CheckedRegions load_checked_regions(const RegionOptions& options, unsigned threads, bool quiet) {
    return regions::load_checked_regions(options, threads, warning_printer(quiet));
}

CheckedVintages load_checked_vintages(const RegionOptions& from, const RegionOptions& to, unsigned threads, bool quiet,
                                      LocatorScope to_locator_scope) {
    return regions::load_checked_vintages(from, to, threads, warning_printer(quiet), to_locator_scope);
}

}  // namespace regio::cli
