#pragma once
// The region options every region-reading command declares (--regions, --id,
// the overlap policy, the fixes), bound to a RegionSource: declared once here
// so that names, help and checks are the same in every command.
#include "regio/options/option_set.hpp"
#include "regio/regions/region_source.hpp"

#include <string>

namespace regio::regions {

void declare_region_options(options::OptionSet& options, RegionSource& source);
// --set-id and --skip-feature alone (declare_region_options declares them),
// for commands that name their regions otherwise; `prefix` as in "from-".
void declare_region_fix_options(options::OptionSet& options, RegionSource& source, const std::string& prefix = "");

}  // namespace regio::regions
