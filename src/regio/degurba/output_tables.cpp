#include "regio/degurba/output_tables.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace regio::degurba {
namespace {

using io::FieldType;

double share(double part, double total) {
    return total > 0 ? part / total : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

const char* share_basis_name(ShareBasis basis) {
    switch (basis) {
    case ShareBasis::Population: return "population";
    case ShareBasis::LandArea: return "land area";
    case ShareBasis::Empty: return "none";
    }
    return "unknown";
}

io::FeatureTable cluster_table(const GridClassification& classes) {
    io::FeatureTable t;
    t.rows = classes.clusters.size();
    auto& id = t.add("cluster_id", FieldType::Integer).numbers;
    auto& code = t.add("class", FieldType::Integer).numbers;
    auto& name = t.add("class_name", FieldType::Text).texts;
    auto& population = t.add("population", FieldType::Real).numbers;
    auto& area = t.add("area_km2", FieldType::Real).numbers;
    auto& cells = t.add("cells", FieldType::Integer).numbers;
    for (const auto& c : classes.clusters) {
        id.push_back(c.id);
        code.push_back(c.cell_class);
        name.emplace_back(cell_class_name(c.cell_class, Level::One));
        population.push_back(c.population);
        area.push_back(c.area_km2);
        cells.push_back(static_cast<double>(c.cells));
    }
    return t;
}

io::FeatureTable patch_table(const ClassPatches& patches, double cell_area_km2, Level level) {
    io::FeatureTable t;
    t.rows = patches.patches.size();
    auto& id = t.add("patch_id", FieldType::Integer).numbers;
    auto& code = t.add("class", FieldType::Integer).numbers;
    auto& name = t.add("class_name", FieldType::Text).texts;
    auto& population = t.add("population", FieldType::Real).numbers;
    auto& area = t.add("area_km2", FieldType::Real).numbers;
    auto& cells = t.add("cells", FieldType::Integer).numbers;
    for (std::size_t k = 0; k < patches.patches.size(); ++k) {
        const ClassPatch& p = patches.patches[k];
        id.push_back(static_cast<double>(k + 1));
        code.push_back(p.cell_class);
        name.emplace_back(cell_class_name(p.cell_class, level));
        population.push_back(p.population);
        area.push_back(static_cast<double>(p.cells) * cell_area_km2);
        cells.push_back(static_cast<double>(p.cells));
    }
    return t;
}

io::FeatureTable unit_table(const std::string& id_name, const std::vector<std::string>& ids, const UnitsResult& units,
                            Level level, const UnitNames& names) {
    io::FeatureTable t;
    t.rows = ids.size();
    t.add(id_name, FieldType::Text).texts = ids;
    if (!names.field.empty()) {
        if (names.names.size() != ids.size())
            throw std::logic_error("unit_table: " + std::to_string(names.names.size()) + " names for " +
                                   std::to_string(ids.size()) + " units");
        t.add(names.field, FieldType::Text).texts = names.names;
    }
    auto column = [&](const std::string& name, FieldType type, auto&& value) {
        auto& numbers = t.add(name, type).numbers;
        for (const auto& u : units.units) numbers.push_back(value(u));
    };
    column("population", FieldType::Real, [](const UnitResult& u) { return u.population.total(); });
    column("pop_urban_centre", FieldType::Real, [](const UnitResult& u) { return u.population.urban_centre; });
    column("pop_urban_cluster", FieldType::Real, [](const UnitResult& u) { return u.population.urban_cluster_only(); });
    column("pop_rural", FieldType::Real, [](const UnitResult& u) { return u.population.rural(); });
    if (level == Level::Two) {
        column("pop_dense_urban_cluster", FieldType::Real, [](const UnitResult& u) { return u.population.dense_urban_cluster; });
        column("pop_semi_dense_urban_cluster", FieldType::Real,
               [](const UnitResult& u) { return u.population.semi_dense_urban_cluster; });
        column("pop_suburban_peri_urban", FieldType::Real, [](const UnitResult& u) { return u.population.suburban_peri_urban; });
        column("pop_rural_cluster", FieldType::Real, [](const UnitResult& u) { return u.population.rural_cluster; });
        column("pop_low_density_rural", FieldType::Real, [](const UnitResult& u) { return u.population.low_density_rural; });
        column("pop_very_low_density_rural", FieldType::Real,
               [](const UnitResult& u) { return u.population.very_low_density_rural; });
    }
    column("share_urban_centre", FieldType::Real,
           [](const UnitResult& u) { return share(u.population.urban_centre, u.population.total()); });
    column("share_urban_cluster", FieldType::Real,
           [](const UnitResult& u) { return share(u.population.urban_cluster_only(), u.population.total()); });
    column("share_rural", FieldType::Real,
           [](const UnitResult& u) { return share(u.population.rural(), u.population.total()); });
    column("area_km2", FieldType::Real,
           [](const UnitResult& u) { return u.land_km2.total() + u.land_km2.water; });
    column("class", FieldType::Integer,
           [](const UnitResult& u) { return static_cast<double>(u.classification.level1); });
    auto& name = t.add("class_name", FieldType::Text).texts;
    for (const auto& u : units.units) name.emplace_back(unit_class_name(u.classification.level1));
    auto& basis = t.add("class_basis", FieldType::Text).texts;
    for (const auto& u : units.units) basis.emplace_back(share_basis_name(u.classification.basis));
    if (level == Level::Two) {
        column("class2", FieldType::Integer, [](const UnitResult& u) {
            return u.classification.level2 ? static_cast<double>(*u.classification.level2)
                                           : std::numeric_limits<double>::quiet_NaN();
        });
        auto& name2 = t.add("class2_name", FieldType::Text).texts;
        for (const auto& u : units.units)
            name2.emplace_back(u.classification.level2 ? unit_class_name(*u.classification.level2) : "");
    }
    return t;
}

}  // namespace regio::degurba
