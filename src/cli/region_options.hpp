#pragma once
// The region options every command shares (--regions, --id, overlap policy),
// and loading them checked: read, repaired, indexed, overlaps found.
#include "regio/geometry/point_locator.hpp"
#include "regio/geometry/region_checks.hpp"
#include "regio/geometry/region_set.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_fixes.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace regio::cli {

class RegionCache;  // region_cache.hpp

struct RegionOptions {
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
    // names the command gives them (crosswalk build: --from-set-id, ...).
    std::vector<std::string> set_ids;
    std::vector<std::int64_t> skip_features;
    std::string fix_prefix;

    // The fixes, parsed (UsageError when malformed).
    [[nodiscard]] io::RegionFixes fixes() const;

    // In a `regio run` step: the run's shared region sets (load_checked_regions
    // takes them from there); nullptr on the command line.
    RegionCache* cache = nullptr;

    // The regions as an input: source, layer and encoding.
    [[nodiscard]] io::InputSpec input() const;
};
void add_region_options(CLI::App& command, RegionOptions& options);
// --set-id and --skip-feature alone (add_region_options adds them), for
// commands that name their regions otherwise; `prefix` as in "from-".
void add_region_fix_options(CLI::App& command, RegionOptions& options, const std::string& prefix = "");
// The report's "region_fixes": [{"fid":..,"id":..,"set_id":..} | {"fid":..,"id":..,"skipped":true}].
nlohmann::ordered_json region_fixes_json(const std::vector<io::AppliedFix>& fixes);
// Adds "region_fixes" to a report when any fix was used.
void add_region_fixes(nlohmann::ordered_json& report, const std::vector<io::AppliedFix>& fixes, const std::string& key = "region_fixes");

struct CheckedRegions {
    geometry::RegionSet regions;
    geometry::PointLocator locator;
    std::vector<std::string> warnings;  // repairs, empty shapes, tolerated overlaps
    std::vector<io::AppliedFix> fixes;  // --set-id and --skip-feature as applied
};

// Throws on unreadable input, duplicate ids, missing CRS, or overlaps beyond
// the tolerance (unless allowed). Warnings are printed unless quiet. With
// options.cache, the set is shared with the run's other steps (RegionCache).
CheckedRegions load_checked_regions(const RegionOptions& options, unsigned threads, bool quiet);

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
// from `from`. Warnings are printed unless quiet (those of `from` first).
CheckedVintages load_checked_vintages(const RegionOptions& from, const RegionOptions& to, unsigned threads, bool quiet,
                                      LocatorScope to_locator_scope = LocatorScope::All);

}  // namespace regio::cli
