#include "regio/regions/region_source.hpp"

namespace regio::regions {

io::RegionFixes RegionSource::fixes() const {
    return io::parse_region_fixes(set_ids, skip_features, "--" + fix_prefix + "set-id", "--" + fix_prefix + "skip-feature");
}

io::InputSpec RegionSource::input() const {
    io::InputSpec spec = io::InputSpec::parse(regions, regions_layer);
    spec.encoding = encoding;
    spec.sql = regions_sql;
    return spec;
}

}  // namespace regio::regions
