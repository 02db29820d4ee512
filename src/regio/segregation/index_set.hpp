#pragma once
// The indices asked for, computed on one composition at every scale and
// bandwidth asked for: the rows of the tidy output before inference.
#include "regio/geometry/types.hpp"
#include "regio/geometry/adjacency.hpp"
#include "regio/segregation/composition.hpp"
#include "regio/segregation/grid_cells.hpp"
#include "regio/segregation/single_group.hpp"
#include "regio/segregation/smoothing.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regio::segregation {

// Stable names (used in the output), in output order.
enum class Index {
    Dissimilarity,
    Isolation,
    Exposure,
    Entropy,
    Atkinson,
    Gini,
    SpatialDissimilarity,
    MultigroupDissimilarity,
    MultigroupEntropy,
    MutualInformation,
    Diversity,
};
inline constexpr Index kAllIndices[] = {Index::Dissimilarity,     Index::Isolation,          Index::Exposure,
                                        Index::Entropy,           Index::Atkinson,           Index::Gini,
                                        Index::SpatialDissimilarity, Index::MultigroupDissimilarity, Index::MultigroupEntropy,
                                        Index::MutualInformation, Index::Diversity};

std::string_view index_name(Index index);
std::optional<Index> parse_index(std::string_view name);
// One value per group (against the rest), or one for all groups together.
bool is_multigroup(Index index);

// Where the units are, as far as the indices need it.
enum class PlaceKind { None, Regions, Grid };
struct Places {
    PlaceKind kind = PlaceKind::None;
    std::vector<geometry::Point> centres;   // Regions: centroids (projected CRS)
    NeighbourPairs neighbours;              // Regions: contiguity from the geometry
    GridCells grid;                         // Grid: the cells
};
// The places of the listed units (neighbours kept among them only).
Places select_places(const Places& all, const std::vector<std::size_t>& units);

struct IndexPlan {
    std::vector<Index> indices;  // in kAllIndices order
    geometry::Contiguity contiguity = geometry::Contiguity::Queen;  // grids; regions come with neighbours
    std::vector<std::int64_t> scales;   // grid blocks of k x k cells
    std::vector<double> bandwidths;     // local environments, CRS units
    Kernel kernel = Kernel::Box;
    unsigned threads = 1;               // for the indices of one setting
};

struct IndexValue {
    Index index = Index::Dissimilarity;
    std::string group;          // empty for multigroup indices
    std::int64_t scale = 0;     // 0: not a scale profile row
    double bandwidth = 0;       // 0: not a local-environment row
    double value = 0;           // NaN: undefined here (e.g. the group is absent)
};

// Rows in a fixed order: the units as they are, then each scale, then each
// bandwidth; within each, indices in kAllIndices order and groups in input
// order. spatial_dissimilarity is left out at bandwidths (it is a contiguity
// measure) and where the places have no contiguity.
std::vector<IndexValue> compute_indices(const Composition& composition, const Places& places, const IndexPlan& plan);

// The values only, in the order compute_indices returns them (for simulations).
std::vector<double> index_values(const Composition& composition, const Places& places, const IndexPlan& plan);

}  // namespace regio::segregation
