// Classification of spatial units from their population per cell class
// (../shared/spec/degurba.md §3, §4.2, §6 Example C).
#include "regio/degurba/classify_unit.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace classify_unit_test {

using namespace regio::degurba;

namespace {

ClassTotals level1(double uc, double ucl_only, double rural) {
    ClassTotals t;
    t.add(code::urban_centre, uc);
    t.add(code::urban_cluster, ucl_only);
    t.add(code::rural, rural);
    return t;
}

ClassTotals level2(double uc, double duc, double sduc, double suburban, double rc, double ldr, double vldr) {
    ClassTotals t;
    t.urban_centre = uc;
    t.dense_urban_cluster = duc;
    t.semi_dense_urban_cluster = sduc;
    t.suburban_peri_urban = suburban;
    t.rural_cluster = rc;
    t.low_density_rural = ldr;
    t.very_low_density_rural = vldr;
    return t;
}

UnitClass class_of(const ClassTotals& population) { return classify_unit(population, ClassTotals{}).level1; }

UnitClass2 class2_of(const ClassTotals& population, UnitRules rules = UnitRules::Online2024) {
    return classify_unit(population, ClassTotals{}, {Level::Two, rules}).level2.value();
}

}  // namespace

TEST_CASE("degurba: Example C - unit classification with exact ties") {
    CHECK(class_of(level1(30000, 5000, 5000)) == UnitClass::City);            // L1: s_UC 0.75
    CHECK(class_of(level1(10000, 10000, 0)) == UnitClass::City);              // L2: s_UC = 0.5 exactly
    CHECK(class_of(level1(4000, 3000, 3000)) == UnitClass::TownSemiDense);    // L3
    CHECK(class_of(level1(0, 2500, 2500)) == UnitClass::TownSemiDense);       // L4: s_R = 0.5 is not > 0.5
    CHECK(class_of(level1(0, 2499, 2501)) == UnitClass::Rural);               // L5: s_R 0.5002
    CHECK(static_cast<int>(UnitClass::City) == 1);
    CHECK(static_cast<int>(UnitClass::TownSemiDense) == 2);
    CHECK(static_cast<int>(UnitClass::Rural) == 3);
}

TEST_CASE("degurba: Example C L6 - a unit without population goes by land area") {
    const ClassTotals nobody;
    const UnitClassification city = classify_unit(nobody, level1(0.6, 0.1, 0.3));
    CHECK(city.basis == ShareBasis::LandArea);
    CHECK(city.level1 == UnitClass::City);
    CHECK(classify_unit(nobody, level1(0.1, 0.4, 0.5)).level1 == UnitClass::TownSemiDense);
    CHECK(classify_unit(nobody, level1(0.0, 0.2, 2.0)).level1 == UnitClass::Rural);
    // No population and no land in any class: rural, and said so.
    const UnitClassification empty = classify_unit(nobody, nobody, {Level::Two, UnitRules::Online2024});
    CHECK(empty.basis == ShareBasis::Empty);
    CHECK(empty.level1 == UnitClass::Rural);
    CHECK(empty.level2 == UnitClass2::MostlyUninhabited);
    // Population decides whenever there is some.
    CHECK(classify_unit(level1(0, 0, 1), level1(5, 0, 0)).level1 == UnitClass::Rural);
}

TEST_CASE("degurba: water is in no share (spec §2.3)") {
    ClassTotals t = level1(100, 0, 100);
    t.add(code::water, 1000);
    CHECK(t.total() == 200.0);
    CHECK(class_of(t) == UnitClass::City);
}

TEST_CASE("degurba: Level 2 units - online rules of July 2024 (spec §4.2)") {
    CHECK(class2_of(level2(50, 0, 0, 0, 50, 0, 0)) == UnitClass2::City);
    // Towns: dense town when UC + DUC >= 0.5 ...
    CHECK(class2_of(level2(20, 30, 10, 10, 30, 0, 0)) == UnitClass2::DenseTown);
    // ... else suburban when SDUC + all rural >= 0.5 ...
    CHECK(class2_of(level2(10, 10, 30, 30, 20, 0, 0)) == UnitClass2::SuburbanPeriUrban);
    // ... else semi-dense town.
    CHECK(class2_of(level2(10, 30, 5, 40, 15, 0, 0)) == UnitClass2::SemiDenseTown);
    // Rural areas: village when UC + urban clusters + rural clusters >= 0.5 ...
    CHECK(class2_of(level2(0, 0, 10, 10, 30, 40, 10)) == UnitClass2::Village);
    // ... else mostly uninhabited when very low density >= 0.5 ...
    CHECK(class2_of(level2(0, 0, 0, 10, 10, 30, 50)) == UnitClass2::MostlyUninhabited);
    // ... else dispersed rural.
    CHECK(class2_of(level2(0, 0, 0, 10, 10, 41, 39)) == UnitClass2::DispersedRural);
}

TEST_CASE("degurba: Level 2 units - the 2021 plurality rules") {
    constexpr auto manual = UnitRules::Manual2021;
    CHECK(class2_of(level2(10, 30, 20, 40, 0, 0, 0), manual) == UnitClass2::DenseTown);
    CHECK(class2_of(level2(10, 20, 30, 40, 0, 0, 0), manual) == UnitClass2::SemiDenseTown);
    CHECK(class2_of(level2(10, 20, 20, 40, 10, 0, 0), manual) == UnitClass2::SuburbanPeriUrban);  // 40 <= 40
    CHECK(class2_of(level2(0, 0, 0, 0, 40, 30, 30), manual) == UnitClass2::Village);
    CHECK(class2_of(level2(0, 0, 0, 0, 20, 45, 35), manual) == UnitClass2::DispersedRural);
    CHECK(class2_of(level2(0, 0, 0, 0, 20, 30, 50), manual) == UnitClass2::MostlyUninhabited);
    // Ties go to the denser class.
    CHECK(class2_of(level2(10, 25, 25, 40, 0, 0, 0), manual) == UnitClass2::DenseTown);
    CHECK(class2_of(level2(0, 0, 0, 0, 35, 35, 30), manual) == UnitClass2::Village);
    CHECK(class2_of(level2(0, 0, 0, 0, 10, 45, 45), manual) == UnitClass2::DispersedRural);
}

TEST_CASE("degurba: unit classification refuses bad totals") {
    CHECK_THROWS_AS(class_of(level1(-1, 0, 5)), regio::DataError);
    CHECK_THROWS_AS(class_of(level1(std::numeric_limits<double>::quiet_NaN(), 0, 5)), regio::DataError);
    CHECK_THROWS_AS(class2_of(level1(1, 1, 1)), regio::DataError);  // Level 1 cells for Level 2 classes
    ClassTotals t;
    CHECK_THROWS_AS(t.add(42, 1.0), regio::DataError);
    CHECK(std::string(unit_class_name(UnitClass::TownSemiDense)) == "town or semi-dense area");
    CHECK(std::string(unit_class_name(UnitClass2::MostlyUninhabited)) == "mostly uninhabited area");
}

}  // namespace classify_unit_test
