#pragma once
// The region options every command shares (--regions, --id, overlap policy),
// and loading them checked: read, repaired, indexed, overlaps found.
#include "regio/geometry/point_locator.hpp"
#include "regio/geometry/region_checks.hpp"
#include "regio/geometry/region_set.hpp"
#include "regio/io/input_spec.hpp"

#include <CLI/CLI.hpp>

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
    // In a `regio run` step: the run's shared region sets (load_checked_regions
    // takes them from there); nullptr on the command line.
    RegionCache* cache = nullptr;

    // The regions as an input: source, layer and encoding.
    [[nodiscard]] io::InputSpec input() const;
};
void add_region_options(CLI::App& command, RegionOptions& options);

struct CheckedRegions {
    geometry::RegionSet regions;
    geometry::PointLocator locator;
    std::vector<std::string> warnings;  // repairs, empty shapes, tolerated overlaps
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
