#pragma once
// Where a command's regions come from and how they are read and checked: the
// request part every region-reading operation shares (the CLI binds it from
// --regions, --id, --allow-overlaps, ... in src/cli/region_options).
#include "regio/geometry/region_checks.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_fixes.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace regio::regions {

class RegionCache;  // region_cache.hpp

struct RegionSource {
    std::string regions;
    std::string id;
    bool allow_overlaps = false;
    double overlap_tolerance = geometry::kDefaultOverlapTolerance;
    std::string encoding;  // of the layer's text when it declares none (--encoding)
    // The layer named apart from the source (--regions-layer), so that
    // connection strings keep their colons.
    std::string regions_layer;
    std::string regions_sql;  // --regions-sql: a query whose rows are the regions
    // --set-id FID=VALUE and --skip-feature FID (issue #18 item 2), and the
    // prefix of the options' names in messages (crosswalk build: "from-").
    std::vector<std::string> set_ids;
    std::vector<std::int64_t> skip_features;
    std::string fix_prefix;

    // In a `regio run` step: the run's shared region sets (load_checked_regions
    // takes them from there); nullptr on the command line. Not owned.
    RegionCache* cache = nullptr;

    // The fixes, parsed (UsageError when malformed).
    [[nodiscard]] io::RegionFixes fixes() const;
    // The regions as an input: source, layer, query and encoding.
    [[nodiscard]] io::InputSpec input() const;
};

}  // namespace regio::regions
