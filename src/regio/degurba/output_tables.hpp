#pragma once
// The tables `regio degurba` writes besides the class raster: urban centres
// and clusters, class patches and spatial units, with their columns
// documented here (and in the command's help).
#include "regio/degurba/class_patches.hpp"
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/unit_classes.hpp"
#include "regio/io/feature_table.hpp"

#include <string>
#include <vector>

namespace regio::degurba {

// One row per urban centre and urban cluster, by id: cluster_id, class (30
// urban centre, 20 urban cluster), class_name, population, area_km2, cells.
// An urban cluster's row covers its cells outside urban centres (the cells
// that carry its id), so the rows add up to the urban population once.
io::FeatureTable cluster_table(const GridClassification& classes);

// One row per 4-connected patch of one class: patch_id, class, class_name,
// population, area_km2, cells.
io::FeatureTable patch_table(const ClassPatches& patches, double cell_area_km2, Level level);

// One row per unit: <id_name>, population, pop_urban_centre,
// pop_urban_cluster (urban-cluster cells outside centres), pop_rural,
// share_urban_centre, share_urban_cluster, share_rural (empty without
// population), area_km2 (land area covered by grid cells), class (1 city,
// 2 town or semi-dense area, 3 rural area), class_name, class_basis
// (population, land area, or none). Level 2 adds pop_dense_urban_cluster,
// pop_semi_dense_urban_cluster, pop_suburban_peri_urban, pop_rural_cluster,
// pop_low_density_rural, pop_very_low_density_rural, class2 (30 city ... 11
// mostly uninhabited area), class2_name.
// With a name field (--unit-name), its column follows the id.
struct UnitNames {
    std::string field;                // empty: no name column
    std::vector<std::string> names;   // one per unit, in the ids' order
};
io::FeatureTable unit_table(const std::string& id_name, const std::vector<std::string>& ids, const UnitsResult& units,
                            Level level, const UnitNames& names = {});

const char* share_basis_name(ShareBasis basis);  // "population", "land area", "none"

}  // namespace regio::degurba
