#pragma once
// The classification settings a request asks for: a preset (the base) and
// the options given over it (../shared/spec/degurba.md). resolve_options()
// turns them into degurba::Options, as `regio degurba` has always done: a
// preset's built-up criterion without a built-up layer is dropped with a
// warning, and a built-up layer without a threshold uses 0.5.
#include "regio/degurba/classify_unit.hpp"
#include "regio/degurba/options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace regio::degurba {

// Each set field replaces the preset's value; unset ones keep it.
struct OptionChoices {
    std::optional<DensityDivisor> divisor;
    std::optional<Connectivity> centre_connectivity;
    std::optional<double> centre_density;
    std::optional<double> centre_population;
    std::optional<Connectivity> cluster_connectivity;
    std::optional<double> cluster_density;
    std::optional<double> cluster_population;
    std::optional<double> built_up_threshold;  // needs a built-up layer
    std::optional<SizeTestOrder> size_test;
    std::optional<MajorityRule> majority_rule;  // --no-smoothing: MajorityRule::Off
    std::optional<int> majority_neighbours;
    std::optional<double> max_hole_area_km2;  // --no-gap-filling: 0
    std::optional<WaterCells> water;
    std::optional<double> semi_dense_distance_m;  // Level 2 only
    std::optional<UnitRules> unit_rules;          // Level 2 only; default online2024
};

// Whether the request has a built-up share layer (--built-up).
enum class BuiltUpLayer { Absent, Present };

// The preset, then every choice made. Throws UsageError for
// --semi-dense-distance or --unit-rules without Level 2 and for
// --built-up-threshold without a built-up layer (in that order); appends the
// warning of a preset's built-up criterion without the layer to `warnings`.
Options resolve_options(Preset preset, Level level, const OptionChoices& choices, BuiltUpLayer built_up,
                        std::vector<std::string>& warnings);

// The options of the units' classification (Level, rules).
UnitOptions resolve_unit_options(Level level, const OptionChoices& choices);

}  // namespace regio::degurba
