#pragma once
// Options of the Degree of Urbanisation grid classification: one field per
// rule, threshold or variant that ../shared/spec/degurba.md names. The
// defaults are the spec's defaults (preset Manual2021). Record the preset, the
// order flags and the thresholds in output metadata (§7); the *_name()
// functions give stable spellings for that.
#include "regio/degurba/cell_class.hpp"
#include "regio/degurba/connected_components.hpp"

#include <optional>

namespace regio::degurba {

enum class Preset : std::uint8_t { Manual2021, GHSL2022, GHSL2023 };
// §1 (UNVERIFIED in the spec): divide by permanent land (GHSL/JRC) or by the
// whole cell. Without a land layer both are the whole cell.
enum class DensityDivisor : std::uint8_t { LandArea, WholeCell };
// §2.1 step 3: apply the 50 000 test before smoothing (GHSL, flexurba) or
// after gap filling (Eurostat glossary).
enum class SizeTestOrder : std::uint8_t { BeforeSmoothing, AfterGapFilling };
// §2.1 step 4: R2022A counts >= 5 of the 8 neighbours; R2023A needs a strict
// majority of the neighbours that are populated or land, and never adds water.
enum class MajorityRule : std::uint8_t { Off, R2022A, R2023A };
// §2.3: water cells stay rural (default) or get code 10.
enum class WaterCells : std::uint8_t { Rural, Labelled };

// A cluster class: cells with density >= min_density, grouped with
// `connectivity`, qualify when the group's population >= min_population.
// All thresholds are inclusive (§1).
struct ClusterRule {
    double min_density = 0;
    double min_population = 0;
    Connectivity connectivity = Connectivity::Eight;
};

struct Options {
    Preset preset = Preset::Manual2021;  // recorded only; options_for() sets the values
    Level level = Level::One;            // Level::Two also computes the §4.1 classes
    DensityDivisor divisor = DensityDivisor::LandArea;

    // §2.1 urban centres.
    ClusterRule urban_centre{1500, 50000, Connectivity::Four};
    // §2.1 step 1: a cell whose built-up share of its permanent land is >= this
    // is dense too. Off by default; needs PopulationGrid::built_up_share.
    std::optional<double> built_up_threshold;
    SizeTestOrder size_test = SizeTestOrder::BeforeSmoothing;
    MajorityRule majority_rule = MajorityRule::R2022A;
    int majority_min_neighbours = 5;  // R2022A: "at least 5 of its 8 neighbours"
    double majority_min_land = 0.5;   // R2023A: a neighbour with land >= this counts
    // §2.1 step 5: holes with area < this are filled (15 km2 = 1..14 cells); 0 = no filling.
    double max_hole_area_km2 = 15;

    // §2.2 urban clusters.
    ClusterRule urban_cluster{300, 5000, Connectivity::Eight};

    // §2.3 water: pop = 0, no built-up, land < water_max_land.
    WaterCells water = WaterCells::Rural;
    double water_max_land = 0.5;

    // §4.1 Level 2 (used only with Level::Two).
    ClusterRule dense_urban_cluster{1500, 5000, Connectivity::Four};
    ClusterRule semi_dense_urban_cluster{300, 5000, Connectivity::Eight};
    // A candidate semi-dense cluster is dropped if any cell lies at an
    // edge-to-edge distance < this from an urban-centre or dense-cluster cell.
    double semi_dense_min_distance_m = 2000;
    ClusterRule rural_cluster{300, 500, Connectivity::Eight};
    double low_density_rural_min_density = 50;
};

// Manual2021: the defaults above. GHSL2022: built-up criterion 0.5 and water
// labelled. GHSL2023: built-up criterion 0.2 (flexurba's value for the
// "optimal" threshold), majority rule R2023A, water labelled, semi-dense
// clusters >= 900 inh/km2, >= 2 500 people, 4-connected (§4.1 variant).
// The GHSL presets need a built-up layer; reset built_up_threshold without one.
Options options_for(Preset preset);

// Throws ConfigError for thresholds that are negative or not finite, and so on.
void validate(const Options& options);

const char* preset_name(Preset preset);                  // "Manual2021", "GHSL2022", "GHSL2023"
const char* divisor_name(DensityDivisor divisor);        // "land", "cell"
const char* size_test_name(SizeTestOrder order);         // "before-smoothing", "after-gap-filling"
const char* majority_rule_name(MajorityRule rule);       // "off", "R2022A", "R2023A"

}  // namespace regio::degurba
