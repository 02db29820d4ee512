#include "regio/degurba/classify_unit.hpp"

#include "regio/error.hpp"

#include <cmath>
#include <string>

namespace regio::degurba {

void ClassTotals::add(std::uint8_t cell_code, double amount) {
    switch (cell_code) {
    case code::urban_centre: urban_centre += amount; return;
    case code::urban_cluster: urban_cluster += amount; return;
    case code::dense_urban_cluster: dense_urban_cluster += amount; return;
    case code::semi_dense_urban_cluster: semi_dense_urban_cluster += amount; return;
    case code::suburban_peri_urban: suburban_peri_urban += amount; return;
    case code::rural_cluster: rural_cluster += amount; return;
    case code::low_density_rural: low_density_rural += amount; return;
    case code::very_low_density_rural: very_low_density_rural += amount; return;
    case code::water: water += amount; return;
    default: break;
    }
    throw DataError("unknown Degree of Urbanisation cell class " + std::to_string(cell_code));
}

double ClassTotals::urban_cluster_only() const {
    return urban_cluster + dense_urban_cluster + semi_dense_urban_cluster + suburban_peri_urban;
}

double ClassTotals::rural() const { return rural_cluster + low_density_rural + very_low_density_rural; }

double ClassTotals::total() const { return urban_centre + urban_cluster_only() + rural(); }

namespace {

void check(const ClassTotals& t, const char* what) {
    for (const double v : {t.urban_centre, t.urban_cluster, t.dense_urban_cluster, t.semi_dense_urban_cluster,
                           t.suburban_peri_urban, t.rural_cluster, t.low_density_rural, t.very_low_density_rural,
                           t.water})
        if (!(std::isfinite(v) && v >= 0))
            throw DataError(std::string(what) + " per cell class must be finite numbers >= 0, not " + std::to_string(v));
}

// share >= 1/2 and share > 1/2 without dividing.
bool at_least_half(double part, double total) { return 2 * part >= total; }
bool over_half(double part, double total) { return 2 * part > total; }

UnitClass level1_of(const ClassTotals& t) {
    const double total = t.total();
    if (at_least_half(t.urban_centre, total)) return UnitClass::City;  // s_UC >= 0.5
    if (over_half(t.rural(), total)) return UnitClass::Rural;          // s_R > 0.5
    return UnitClass::TownSemiDense;
}

UnitClass2 level2_online2024(UnitClass level1, const ClassTotals& t) {
    const double total = t.total();
    switch (level1) {
    case UnitClass::City: return UnitClass2::City;
    case UnitClass::TownSemiDense:
        if (at_least_half(t.urban_centre + t.dense_urban_cluster, total)) return UnitClass2::DenseTown;
        // "s_Rural" is the Level 1 rural share (all rural cells), as flexurba.
        if (at_least_half(t.semi_dense_urban_cluster + t.rural(), total)) return UnitClass2::SuburbanPeriUrban;
        return UnitClass2::SemiDenseTown;
    case UnitClass::Rural:
        if (at_least_half(t.urban_centre + t.urban_cluster_only() + t.rural_cluster, total)) return UnitClass2::Village;
        if (at_least_half(t.very_low_density_rural, total)) return UnitClass2::MostlyUninhabited;
        return UnitClass2::DispersedRural;
    }
    return UnitClass2::DispersedRural;
}

// The 2021 plurality rules (§4.2 preset), as flexurba's rules_from_2021. The
// 2021 rules leave ties open; ties go to the denser class, like the >= ties
// of Level 1.
UnitClass2 level2_manual2021(UnitClass level1, const ClassTotals& t) {
    switch (level1) {
    case UnitClass::City: return UnitClass2::City;
    case UnitClass::TownSemiDense: {
        const double clusters = t.dense_urban_cluster + t.semi_dense_urban_cluster;
        if (clusters <= t.suburban_peri_urban) return UnitClass2::SuburbanPeriUrban;
        return t.dense_urban_cluster >= t.semi_dense_urban_cluster ? UnitClass2::DenseTown : UnitClass2::SemiDenseTown;
    }
    case UnitClass::Rural:
        if (t.rural_cluster >= t.low_density_rural && t.rural_cluster >= t.very_low_density_rural)
            return UnitClass2::Village;
        if (t.low_density_rural >= t.very_low_density_rural) return UnitClass2::DispersedRural;
        return UnitClass2::MostlyUninhabited;
    }
    return UnitClass2::DispersedRural;
}

}  // namespace

UnitClassification classify_unit(const ClassTotals& population, const ClassTotals& land_area,
                                 const UnitOptions& options) {
    check(population, "population");
    check(land_area, "land area");
    if (options.level == Level::Two && (population.urban_cluster > 0 || land_area.urban_cluster > 0))
        throw DataError("Level 2 unit classes need Level 2 cell classes, not Level 1 urban clusters", {},
                        "classify the grid with Level 2");

    UnitClassification out;
    // §3: a unit without population is classified by its land area per class.
    const ClassTotals* basis = &population;
    if (population.total() > 0) out.basis = ShareBasis::Population;
    else if (land_area.total() > 0) {
        out.basis = ShareBasis::LandArea;
        basis = &land_area;
    } else {
        // Nothing to go by: an empty unit is rural / mostly uninhabited.
        out.basis = ShareBasis::Empty;
        out.level1 = UnitClass::Rural;
        if (options.level == Level::Two) out.level2 = UnitClass2::MostlyUninhabited;
        return out;
    }
    out.level1 = level1_of(*basis);
    if (options.level == Level::Two)
        out.level2 = options.rules == UnitRules::Online2024 ? level2_online2024(out.level1, *basis)
                                                            : level2_manual2021(out.level1, *basis);
    return out;
}

const char* unit_class_name(UnitClass value) {
    switch (value) {
    case UnitClass::City: return "city";
    case UnitClass::TownSemiDense: return "town or semi-dense area";
    case UnitClass::Rural: return "rural area";
    }
    return "unknown";
}

const char* unit_class_name(UnitClass2 value) {
    switch (value) {
    case UnitClass2::City: return "city";
    case UnitClass2::DenseTown: return "dense town";
    case UnitClass2::SemiDenseTown: return "semi-dense town";
    case UnitClass2::SuburbanPeriUrban: return "suburban or peri-urban area";
    case UnitClass2::Village: return "village";
    case UnitClass2::DispersedRural: return "dispersed rural area";
    case UnitClass2::MostlyUninhabited: return "mostly uninhabited area";
    }
    return "unknown";
}

}  // namespace regio::degurba
