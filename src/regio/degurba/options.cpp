#include "regio/degurba/options.hpp"

#include "regio/error.hpp"

#include <cmath>
#include <string>

namespace regio::degurba {

Options options_for(Preset preset) {
    Options options;
    options.preset = preset;
    switch (preset) {
    case Preset::Manual2021: break;
    case Preset::GHSL2022:
        // degurba.md §2.1 step 1 (manual 2021 / GHSL 2022: >= 50 % built-up);
        // GHSL rasters label water (§2.3).
        options.built_up_threshold = 0.5;
        options.water = WaterCells::Labelled;
        break;
    case Preset::GHSL2023:
        // §2.1: GHSL 2023 "optimal" built-up threshold, flexurba's 0.2; §2.1
        // step 4 R2023A majority rule; §4.1 semi-dense variant.
        options.built_up_threshold = 0.2;
        options.majority_rule = MajorityRule::R2023A;
        options.water = WaterCells::Labelled;
        options.semi_dense_urban_cluster = {900, 2500, Connectivity::Four};
        break;
    }
    return options;
}

namespace {

void require(bool ok, const std::string& what) {
    if (!ok) throw ConfigError("degurba option " + what);
}

void check_rule(const ClusterRule& rule, const std::string& name) {
    require(std::isfinite(rule.min_density) && rule.min_density >= 0,
            name + " density must be a finite number >= 0");
    require(std::isfinite(rule.min_population) && rule.min_population >= 0,
            name + " population must be a finite number >= 0");
    require(rule.connectivity == Connectivity::Four || rule.connectivity == Connectivity::Eight,
            name + " connectivity must be 4 or 8");
}

}  // namespace

void validate(const Options& options) {
    check_rule(options.urban_centre, "urban centre");
    check_rule(options.urban_cluster, "urban cluster");
    check_rule(options.dense_urban_cluster, "dense urban cluster");
    check_rule(options.semi_dense_urban_cluster, "semi-dense urban cluster");
    check_rule(options.rural_cluster, "rural cluster");
    if (options.built_up_threshold)
        require(std::isfinite(*options.built_up_threshold) && *options.built_up_threshold >= 0,
                "built-up threshold must be a finite share >= 0");
    require(options.majority_min_neighbours >= 1 && options.majority_min_neighbours <= 8,
            "majority rule neighbours must be 1..8");
    require(std::isfinite(options.majority_min_land), "majority rule land threshold must be finite");
    require(std::isfinite(options.max_hole_area_km2) && options.max_hole_area_km2 >= 0,
            "maximum hole area must be a finite number >= 0");
    require(std::isfinite(options.water_max_land), "water land threshold must be finite");
    require(std::isfinite(options.semi_dense_min_distance_m) && options.semi_dense_min_distance_m >= 0,
            "semi-dense distance must be a finite number >= 0");
    require(std::isfinite(options.low_density_rural_min_density) && options.low_density_rural_min_density >= 0,
            "low density rural threshold must be a finite number >= 0");
}

const char* preset_name(Preset preset) {
    switch (preset) {
    case Preset::Manual2021: return "Manual2021";
    case Preset::GHSL2022: return "GHSL2022";
    case Preset::GHSL2023: return "GHSL2023";
    }
    return "unknown";
}

const char* divisor_name(DensityDivisor divisor) {
    return divisor == DensityDivisor::LandArea ? "land" : "cell";
}

const char* size_test_name(SizeTestOrder order) {
    return order == SizeTestOrder::BeforeSmoothing ? "before-smoothing" : "after-gap-filling";
}

const char* majority_rule_name(MajorityRule rule) {
    switch (rule) {
    case MajorityRule::Off: return "off";
    case MajorityRule::R2022A: return "R2022A";
    case MajorityRule::R2023A: return "R2023A";
    }
    return "unknown";
}

}  // namespace regio::degurba
