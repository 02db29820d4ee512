#pragma once
// The region options every command shares (--regions, --id, overlap policy,
// fixes), bound to the library's regions::RegionSource, and loading them
// checked with the warnings printed (regio/regions/checked_regions).
#include "regio/regions/checked_regions.hpp"
#include "regio/regions/region_source.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace regio::cli {

using RegionOptions = regions::RegionSource;
using regions::CheckedRegions;
using regions::CheckedVintages;
using regions::LocatorScope;
using regions::RegionCache;
using regions::add_region_fixes;
using regions::region_fixes_json;

void add_region_options(CLI::App& command, RegionOptions& options);
// --set-id and --skip-feature alone (add_region_options adds them), for
// commands that name their regions otherwise; `prefix` as in "from-".
void add_region_fix_options(CLI::App& command, RegionOptions& options, const std::string& prefix = "");

// Prints each warning as "regio: warning: ..." on stderr, unless quiet.
[[nodiscard]] WarningFn warning_printer(bool quiet);

// regions::load_checked_regions / load_checked_vintages with the warnings
// printed unless quiet.
CheckedRegions load_checked_regions(const RegionOptions& options, unsigned threads, bool quiet);
CheckedVintages load_checked_vintages(const RegionOptions& from, const RegionOptions& to, unsigned threads, bool quiet,
                                      LocatorScope to_locator_scope = LocatorScope::All);

}  // namespace regio::cli
