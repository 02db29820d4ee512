#pragma once
// Degree of Urbanisation, stage 2: the class of one spatial unit (LAU) from
// the population it has in each cell class (../shared/spec/degurba.md §3, and
// §4.2 for Level 2). A pure function of the totals; the caller computes them
// (e.g. by exact coverage of cells by units, §3 "our rule").
#include "regio/degurba/cell_class.hpp"

#include <cstdint>
#include <optional>

namespace regio::degurba {

// Eurostat's Level 1 codes (§3).
enum class UnitClass : std::uint8_t { City = 1, TownSemiDense = 2, Rural = 3 };
// Level 2 codes: the GHSL / flexurba unit codes, built like the cell codes.
enum class UnitClass2 : std::uint8_t {
    City = 30,
    DenseTown = 23,
    SemiDenseTown = 22,
    SuburbanPeriUrban = 21,
    Village = 13,
    DispersedRural = 12,
    MostlyUninhabited = 11,
};
// §4.2: the online manual's rules (July 2024, as flexurba encodes them), or
// the 2021 manual's plurality rules.
enum class UnitRules : std::uint8_t { Online2024, Manual2021 };
// Which totals decided: population; land area for a unit without population
// (§3); neither when both are zero (the unit is then rural / mostly uninhabited).
enum class ShareBasis : std::uint8_t { Population, LandArea, Empty };

// Amounts (population or land area) of one unit per cell class. Level 1
// results fill urban_centre, urban_cluster and very_low_density_rural (code
// 11 is Level 1 rural); Level 2 results fill the Level 2 fields.
struct ClassTotals {
    double urban_centre = 0;
    double urban_cluster = 0;  // Level 1 code 20
    double dense_urban_cluster = 0;
    double semi_dense_urban_cluster = 0;
    double suburban_peri_urban = 0;
    double rural_cluster = 0;
    double low_density_rural = 0;
    double very_low_density_rural = 0;  // also Level 1 rural
    double water = 0;                   // §2.3: not a rural class, so in no share

    // Adds amount to the field of a cell code; DataError for an unknown code.
    void add(std::uint8_t cell_code, double amount);
    // Level 1 aggregates (§3): urban-cluster cells outside centres, rural cells.
    [[nodiscard]] double urban_cluster_only() const;
    [[nodiscard]] double rural() const;
    // The denominator of every share: all classes but water.
    [[nodiscard]] double total() const;
};

struct UnitOptions {
    Level level = Level::One;
    UnitRules rules = UnitRules::Online2024;
};

struct UnitClassification {
    UnitClass level1 = UnitClass::Rural;
    std::optional<UnitClass2> level2;  // with Level::Two only
    ShareBasis basis = ShareBasis::Population;
};

// Shares are compared without division (2 * part >= total), so integer
// populations give exact ties (§3: s_UC = 0.5 is a city, s_R = 0.5 is not
// rural). DataError for negative or non-finite amounts, and for Level 2 with
// Level 1 totals (urban_cluster > 0).
UnitClassification classify_unit(const ClassTotals& population, const ClassTotals& land_area,
                                 const UnitOptions& options = {});

const char* unit_class_name(UnitClass value);   // "city", "town or semi-dense area", "rural area"
const char* unit_class_name(UnitClass2 value);  // "city", "dense town", ...

}  // namespace regio::degurba
