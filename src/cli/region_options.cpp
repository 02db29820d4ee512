#include "region_options.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_reader.hpp"

#include <fmt/format.h>

#include <iostream>

namespace regio::cli {

void add_region_options(CLI::App& command, RegionOptions& options) {
    command.add_option("--regions", options.regions, "Region polygons: FILE[:LAYER], any OGR format")->required();
    command.add_option("--id", options.id, "Field with the region id (read as text; must be unique)")->required();
    command.add_flag("--allow-overlaps", options.allow_overlaps,
                     "Accept overlapping regions; a point or cell centre then goes to the first region in input order");
    command
        .add_option("--overlap-tolerance", options.overlap_tolerance,
                    "Overlap between two regions accepted as a digitising sliver, as a share of the smaller one's area")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
}

CheckedRegions load_checked_regions(const RegionOptions& options, unsigned threads, bool quiet) {
    std::vector<std::string> warnings;
    geometry::RegionSet regions = io::read_regions(io::InputSpec::parse(options.regions), {options.id, {}}, warnings);
    for (const auto& note : geometry::repair_invalid(regions, threads))
        warnings.push_back(Where{regions.file, regions.layer, {}, regions.feature_ids[note.region]}.format() +
                           ": region '" + regions.ids[note.region] + "' was invalid (" + note.reason + "); repaired");
    geometry::PointLocator locator(regions);
    const auto overlaps = geometry::find_overlaps(regions, locator, threads, options.overlap_tolerance);
    geometry::check_overlaps(regions, overlaps,
                             options.allow_overlaps ? geometry::OverlapPolicy::Allow : geometry::OverlapPolicy::Error);
    for (const auto& o : overlaps)
        warnings.push_back(fmt::format("regions '{}' and '{}' overlap by {:.6g} square units{}; the overlap goes to '{}'",
                                       regions.ids[o.first], regions.ids[o.second], o.area,
                                       o.significant ? "" : " (within --overlap-tolerance)", regions.ids[o.first]));
    if (!quiet)
        for (const auto& w : warnings) std::cerr << "regio: warning: " << w << '\n';
    return {std::move(regions), std::move(locator), std::move(warnings)};
}

}  // namespace regio::cli
