#pragma once
// Loading regions checked, the step every region-reading operation starts
// with: read (io), repaired where invalid, indexed for point location, and
// overlaps found and settled (geometry). Two vintages of one boundary set are
// checked side by side, each unchanged unit once.
#include "regio/geometry/point_locator.hpp"
#include "regio/geometry/region_set.hpp"
#include "regio/io/region_fixes.hpp"
#include "regio/progress.hpp"
#include "regio/regions/region_source.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace regio::regions {

struct CheckedRegions {
    geometry::RegionSet regions;
    geometry::PointLocator locator;
    std::vector<std::string> warnings;  // repairs, empty shapes, tolerated overlaps
    std::vector<io::AppliedFix> fixes;  // --set-id and --skip-feature as applied
};

// Throws on unreadable input, duplicate ids, missing CRS, or overlaps beyond
// the tolerance (unless allowed). Each warning is also passed to `warn` (when
// set) as soon as the set is checked. With source.cache, the set is shared
// with the run's other steps (RegionCache).
CheckedRegions load_checked_regions(const RegionSource& source, unsigned threads, const WarningFn& warn);

// Which regions of the second vintage its locator covers: all of them, or
// only those near a unit that changed between the vintages (enough for the
// checks and for an overlay, which only locates pieces of changed units;
// not for locating arbitrary points).
enum class LocatorScope { All, NearChanges };

struct CheckedVintages {
    CheckedRegions from;
    CheckedRegions to;
    // geometry::identical_partners(from, to) as read (a repaired unit's
    // partner gets the same repair, so the pairs stay identical).
    std::vector<std::int64_t> partners;
    // Units that overlap within each vintage (tolerated, or allowed).
    std::vector<std::pair<std::size_t, std::size_t>> from_overlapping;
    std::vector<std::pair<std::size_t, std::size_t>> to_overlapping;
};

// Two vintages of one boundary set, each checked as load_checked_regions does,
// side by side. Units of `to` identical to a unit of `from` are checked once:
// their validity (and repair) and their overlaps with each other are taken
// from `from`. Warnings go to `warn` (those of `from` first).
CheckedVintages load_checked_vintages(const RegionSource& from, const RegionSource& to, unsigned threads, const WarningFn& warn,
                                      LocatorScope to_locator_scope = LocatorScope::All);

// The report's "region_fixes": [{"fid":..,"id":..,"set_id":..} | {"fid":..,"id":..,"skipped":true}].
nlohmann::ordered_json region_fixes_json(const std::vector<io::AppliedFix>& fixes);
// Adds "region_fixes" to a report when any fix was used.
void add_region_fixes(nlohmann::ordered_json& report, const std::vector<io::AppliedFix>& fixes,
                      const std::string& key = "region_fixes");

}  // namespace regio::regions
