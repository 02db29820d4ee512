#include "regio/degurba/option_choices.hpp"

#include "regio/error.hpp"

namespace regio::degurba {

Options resolve_options(Preset preset, Level level, const OptionChoices& c, BuiltUpLayer built_up,
                        std::vector<std::string>& warnings) {
    Options o = options_for(preset);
    o.level = level;
    if (c.divisor) o.divisor = *c.divisor;
    if (c.centre_connectivity) o.urban_centre.connectivity = *c.centre_connectivity;
    if (c.centre_density) o.urban_centre.min_density = *c.centre_density;
    if (c.centre_population) o.urban_centre.min_population = *c.centre_population;
    if (c.cluster_connectivity) o.urban_cluster.connectivity = *c.cluster_connectivity;
    if (c.cluster_density) o.urban_cluster.min_density = *c.cluster_density;
    if (c.cluster_population) o.urban_cluster.min_population = *c.cluster_population;
    if (c.size_test) o.size_test = *c.size_test;
    if (c.majority_rule) o.majority_rule = *c.majority_rule;
    if (c.majority_neighbours) o.majority_min_neighbours = *c.majority_neighbours;
    if (c.max_hole_area_km2) o.max_hole_area_km2 = *c.max_hole_area_km2;
    if (c.water) o.water = *c.water;
    if (c.semi_dense_distance_m) {
        if (o.level != Level::Two) throw UsageError("--semi-dense-distance is a Level 2 option; add --level 2");
        o.semi_dense_min_distance_m = *c.semi_dense_distance_m;
    }
    if (c.unit_rules && o.level != Level::Two) throw UsageError("--unit-rules is a Level 2 option; add --level 2");

    if (c.built_up_threshold) {
        if (built_up == BuiltUpLayer::Absent) throw UsageError("--built-up-threshold needs --built-up (a built-up share raster)");
        o.built_up_threshold = *c.built_up_threshold;
    } else if (built_up == BuiltUpLayer::Absent && o.built_up_threshold) {
        warnings.push_back(std::string("preset ") + preset_name(preset) +
                           " uses a built-up criterion, but there is no --built-up layer: density alone decides");
        o.built_up_threshold.reset();
    } else if (built_up == BuiltUpLayer::Present && !o.built_up_threshold) {
        o.built_up_threshold = 0.5;  // degurba.md §2.1 step 1: manual 2021 / GHSL 2022
    }
    return o;
}

UnitOptions resolve_unit_options(Level level, const OptionChoices& choices) {
    UnitOptions u;
    u.level = level;
    u.rules = choices.unit_rules.value_or(UnitRules::Online2024);
    return u;
}

}  // namespace regio::degurba
