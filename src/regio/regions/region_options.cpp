#include "regio/regions/region_options.hpp"

namespace regio::regions {

void declare_region_options(options::OptionSet& options, RegionSource& source) {
    options.add("--regions", source.regions, "Region polygons: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
        .value_name(options::kInputLayer)
        .required();
    options.add("--regions-layer", source.regions_layer, "Layer (table) of --regions, when the source has several");
    options.add("--regions-sql", source.regions_sql, "A query of --regions (a database) whose rows are the regions")
        .excludes("--regions-layer");
    options.add("--id", source.id, "Field with the region id (read as text; must be unique)").required()
            .names_columns_of("regions");
    options.flag("--allow-overlaps", source.allow_overlaps,
                 "Accept overlapping regions; a point or cell centre then goes to the first region in input order");
    options
        .add("--overlap-tolerance", source.overlap_tolerance,
             "Overlap between two regions accepted as a digitising sliver, as a share of the smaller one's area")
        .show_default()
        .range(0.0, 1.0);
    declare_region_fix_options(options, source);
}

void declare_region_fix_options(options::OptionSet& options, RegionSource& source, const std::string& prefix) {
    source.fix_prefix = prefix;
    options.add("--" + prefix + "set-id", source.set_ids,
                "Give feature FID another region id while reading, FID=VALUE (repeatable; settles a duplicated id)")
        .repeatable();
    options.add("--" + prefix + "skip-feature", source.skip_features,
                "Leave feature FID out of the regions (repeatable; recorded in the report)")
        .repeatable();
}

}  // namespace regio::regions
