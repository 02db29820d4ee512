#include "region_options.hpp"
#include "declared_options.hpp"

#include "regio/regions/region_options.hpp"

#include <iostream>

namespace regio::cli {

void add_region_options(CLI::App& command, RegionOptions& options) {
    regio::options::OptionSet declared;
    regions::declare_region_options(declared, options);
    add_declared_options(command, declared);
}

void add_region_fix_options(CLI::App& command, RegionOptions& options, const std::string& prefix) {
    regio::options::OptionSet declared;
    regions::declare_region_fix_options(declared, options, prefix);
    add_declared_options(command, declared);
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
