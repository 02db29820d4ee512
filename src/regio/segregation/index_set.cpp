#include "regio/segregation/index_set.hpp"

#include "regio/segregation/multigroup.hpp"
#include "regio/segregation/single_group.hpp"

#include "regio/parallel.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace regio::segregation {
namespace {

constexpr std::string_view kNames[] = {"dissimilarity",           "isolation",          "exposure",          "entropy",
                                       "atkinson",                "gini",               "spatial_dissimilarity",
                                       "multigroup_dissimilarity", "multigroup_entropy", "mutual_information", "diversity"};

double single_value(Index index, Counts x, Counts t, const NeighbourPairs* neighbours, GiniScratch& scratch) {
    switch (index) {
    case Index::Dissimilarity: return dissimilarity(x, t);
    case Index::Isolation: return isolation(x, t);
    case Index::Exposure: return exposure(x, t);
    case Index::Entropy: return entropy_index(x, t);
    case Index::Atkinson: return atkinson(x, t);
    case Index::Gini: return gini(x, t, scratch);
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

// The rows of one setting (scale, bandwidth) of one composition, computed
// on plan.threads threads (each value on its own: the order stays fixed).
void add_rows(const Composition& c, const NeighbourPairs* neighbours, const IndexPlan& plan, std::int64_t scale, double bandwidth,
              std::vector<GiniScratch>& scratch, std::vector<IndexValue>& out) {
    // A partition's counts are used as they are; one group gets its rest.
    GroupCounts rest;
    if (c.mode == GroupMode::OneAgainstTotal) rest = partition_counts(c);
    const GroupCounts& all = c.mode == GroupMode::Partition ? c.counts : rest;
    const std::size_t first = out.size();
    std::vector<std::size_t> group_of;  // per new row: the group, or npos for a multigroup index
    for (Index index : plan.indices) {
        if (index == Index::SpatialDissimilarity && !neighbours) continue;
        if (is_multigroup(index)) {
            out.push_back({index, {}, scale, bandwidth, 0});
            group_of.push_back(std::string::npos);
            continue;
        }
        for (std::size_t m = 0; m < c.groups.size(); ++m) {
            out.push_back({index, c.groups[m], scale, bandwidth, 0});
            group_of.push_back(m);
        }
    }
    parallel_for(group_of.size(), plan.threads, [&](std::size_t k, unsigned thread) {
        IndexValue& row = out[first + k];
        row.value = group_of[k] == std::string::npos ? multi_value(row.index, all)
                                                     : single_value(row.index, c.counts[group_of[k]], c.totals, neighbours, scratch[thread]);
    });
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
        constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
        std::vector<std::uint32_t> new_index(all.centres.size(), kNone);
        for (std::size_t k = 0; k < units.size(); ++k) new_index[units[k]] = static_cast<std::uint32_t>(k);
        for (std::size_t i : units) out.centres.push_back(all.centres[i]);
        for (const auto& [i, j] : all.neighbours)
            if (new_index[i] != kNone && new_index[j] != kNone) out.neighbours.emplace_back(new_index[i], new_index[j]);
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
    std::vector<GiniScratch> scratch(std::max(1u, plan.threads));  // one per thread, reused by every setting
    {
        NeighbourPairs grid_pairs;  // freed before the scales and bandwidths
        const NeighbourPairs* neighbours = nullptr;
        if (places.kind == PlaceKind::Regions) neighbours = &places.neighbours;
        if (places.kind == PlaceKind::Grid && wants_contiguity) {
            grid_pairs = grid_neighbour_pairs(places.grid, plan.contiguity);
            neighbours = &grid_pairs;
        }
        add_rows(c, neighbours, plan, 0, 0, scratch, out);
    }
    if (places.kind == PlaceKind::Grid)
        for (std::int64_t k : plan.scales) {
            const Blocks blocks = grid_blocks(places.grid, k);
            const Composition merged = merge_units(c, blocks.part_of, blocks.grid.size());
            NeighbourPairs block_neighbours;
            if (wants_contiguity) block_neighbours = grid_neighbour_pairs(blocks.grid, plan.contiguity);
            add_rows(merged, wants_contiguity ? &block_neighbours : nullptr, plan, k, 0, scratch, out);
        }
    if (places.kind != PlaceKind::None) {
        GroupCounts rest;
        if (c.mode == GroupMode::OneAgainstTotal) rest = partition_counts(c);
        const GroupCounts& counts = c.mode == GroupMode::Partition ? c.counts : rest;
        for (double r : plan.bandwidths) {
            GroupCounts smoothed = places.kind == PlaceKind::Grid ? smooth_on_grid(counts, places.grid, r, plan.kernel)
                                                                  : smooth_by_centres(counts, places.centres, r, plan.kernel);
            add_rows(from_partition(c, std::move(smoothed)), nullptr, plan, 0, r, scratch, out);
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
