#include "regio/segregation/index_set.hpp"

#include "regio/segregation/multigroup.hpp"
#include "regio/segregation/single_group.hpp"

#include <algorithm>
#include <limits>

namespace regio::segregation {
namespace {

constexpr std::string_view kNames[] = {"dissimilarity",           "isolation",          "exposure",          "entropy",
                                       "atkinson",                "gini",               "spatial_dissimilarity",
                                       "multigroup_dissimilarity", "multigroup_entropy", "mutual_information", "diversity"};

double single_value(Index index, Counts x, Counts t, const regionalise::Neighbours* neighbours) {
    switch (index) {
    case Index::Dissimilarity: return dissimilarity(x, t);
    case Index::Isolation: return isolation(x, t);
    case Index::Exposure: return exposure(x, t);
    case Index::Entropy: return entropy_index(x, t);
    case Index::Atkinson: return atkinson(x, t);
    case Index::Gini: return gini(x, t);
    case Index::SpatialDissimilarity: return spatial_dissimilarity(x, t, *neighbours);
    default: return std::numeric_limits<double>::quiet_NaN();
    }
}

double multi_value(Index index, const GroupCounts& counts) {
    switch (index) {
    case Index::MultigroupDissimilarity: return multigroup_dissimilarity(counts);
    case Index::MultigroupEntropy: return multigroup_entropy(counts);
    case Index::MutualInformation: return mutual_information(counts);
    case Index::Diversity: return diversity(counts);
    default: return std::numeric_limits<double>::quiet_NaN();
    }
}

// The rows of one setting (scale, bandwidth) of one composition.
void add_rows(const Composition& c, const regionalise::Neighbours* neighbours, const IndexPlan& plan, std::int64_t scale,
              double bandwidth, std::vector<IndexValue>& out) {
    const GroupCounts all = partition_counts(c);
    for (Index index : plan.indices) {
        if (index == Index::SpatialDissimilarity && !neighbours) continue;
        if (is_multigroup(index)) {
            out.push_back({index, {}, scale, bandwidth, multi_value(index, all)});
            continue;
        }
        for (std::size_t m = 0; m < c.groups.size(); ++m)
            out.push_back({index, c.groups[m], scale, bandwidth, single_value(index, c.counts[m], c.totals, neighbours)});
    }
}

// A composition from smoothed partition counts (totals = sum of the groups).
Composition from_partition(const Composition& like, GroupCounts counts) {
    Composition out{like.mode, like.groups, {}, std::vector<double>(counts.empty() ? 0 : counts[0].size(), 0.0)};
    for (const auto& group : counts)
        for (std::size_t i = 0; i < out.totals.size(); ++i) out.totals[i] += group[i];
    if (like.mode == GroupMode::OneAgainstTotal) counts.resize(1);
    out.counts = std::move(counts);
    return out;
}

}  // namespace

std::string_view index_name(Index index) { return kNames[static_cast<std::size_t>(index)]; }

std::optional<Index> parse_index(std::string_view name) {
    for (Index index : kAllIndices)
        if (index_name(index) == name) return index;
    return std::nullopt;
}

bool is_multigroup(Index index) {
    return index == Index::MultigroupDissimilarity || index == Index::MultigroupEntropy || index == Index::MutualInformation ||
           index == Index::Diversity;
}

Places select_places(const Places& all, const std::vector<std::size_t>& units) {
    Places out;
    out.kind = all.kind;
    if (all.kind == PlaceKind::Regions) {
        std::vector<std::size_t> new_index(all.centres.size(), std::numeric_limits<std::size_t>::max());
        for (std::size_t k = 0; k < units.size(); ++k) new_index[units[k]] = k;
        for (std::size_t i : units) {
            out.centres.push_back(all.centres[i]);
            auto& list = out.neighbours.emplace_back();
            for (std::size_t j : all.neighbours[i])
                if (new_index[j] != std::numeric_limits<std::size_t>::max()) list.push_back(new_index[j]);
            std::sort(list.begin(), list.end());
        }
    } else if (all.kind == PlaceKind::Grid) {
        out.grid.cell_size = all.grid.cell_size;
        for (std::size_t i : units) {
            out.grid.col.push_back(all.grid.col[i]);
            out.grid.row.push_back(all.grid.row[i]);
        }
    }
    return out;
}

std::vector<IndexValue> compute_indices(const Composition& c, const Places& places, const IndexPlan& plan) {
    std::vector<IndexValue> out;
    const bool wants_contiguity = std::find(plan.indices.begin(), plan.indices.end(), Index::SpatialDissimilarity) != plan.indices.end();
    regionalise::Neighbours grid_neighbours_storage;
    const regionalise::Neighbours* neighbours = nullptr;
    if (places.kind == PlaceKind::Regions) neighbours = &places.neighbours;
    if (places.kind == PlaceKind::Grid && wants_contiguity) {
        grid_neighbours_storage = grid_neighbours(places.grid, plan.contiguity);
        neighbours = &grid_neighbours_storage;
    }
    add_rows(c, neighbours, plan, 0, 0, out);
    if (places.kind == PlaceKind::Grid)
        for (std::int64_t k : plan.scales) {
            const Blocks blocks = grid_blocks(places.grid, k);
            const Composition merged = merge_units(c, blocks.part_of, blocks.grid.size());
            regionalise::Neighbours block_neighbours;
            if (wants_contiguity) block_neighbours = grid_neighbours(blocks.grid, plan.contiguity);
            add_rows(merged, wants_contiguity ? &block_neighbours : nullptr, plan, k, 0, out);
        }
    if (places.kind != PlaceKind::None) {
        const GroupCounts counts = partition_counts(c);
        for (double r : plan.bandwidths) {
            const GroupCounts smoothed = places.kind == PlaceKind::Grid ? smooth_on_grid(counts, places.grid, r, plan.kernel)
                                                                        : smooth_by_centres(counts, places.centres, r, plan.kernel);
            add_rows(from_partition(c, smoothed), nullptr, plan, 0, r, out);
        }
    }
    return out;
}

std::vector<double> index_values(const Composition& c, const Places& places, const IndexPlan& plan) {
    std::vector<double> out;
    for (const auto& row : compute_indices(c, places, plan)) out.push_back(row.value);
    return out;
}

}  // namespace regio::segregation
