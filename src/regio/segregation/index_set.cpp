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

double single_value(Index index, const SingleGroupIndices& v, double neighbour_adjustment) {
    switch (index) {
    case Index::Dissimilarity: return v.dissimilarity;
    case Index::Isolation: return v.isolation;
    case Index::Exposure: return v.exposure;
    case Index::Entropy: return v.entropy;
    case Index::Atkinson: return v.atkinson;
    case Index::Gini: return v.gini;
    case Index::SpatialDissimilarity: return v.dissimilarity - neighbour_adjustment;
    default: return std::numeric_limits<double>::quiet_NaN();
    }
}

double multi_value(Index index, const MultigroupIndices& v) {
    switch (index) {
    case Index::MultigroupDissimilarity: return v.dissimilarity;
    case Index::MultigroupEntropy: return v.entropy;
    case Index::MutualInformation: return v.mutual_information;
    case Index::Diversity: return v.diversity;
    default: return std::numeric_limits<double>::quiet_NaN();
    }
}

bool wants(const IndexPlan& plan, Index index) {
    return std::find(plan.indices.begin(), plan.indices.end(), index) != plan.indices.end();
}

// The rows of one setting (scale, bandwidth) of one composition: each group's
// indices in one pass over the units (and the multigroup ones in another),
// the groups on plan.threads threads; the row order stays fixed.
void add_rows(const Composition& c, const NeighbourPairs* neighbours, const IndexPlan& plan, std::int64_t scale, double bandwidth,
              std::vector<GiniScratch>& scratch, std::vector<IndexValue>& out) {
    const std::size_t K = c.groups.size();
    std::vector<SingleGroupIndices> single(K);
    std::vector<double> adjustment(K, 0.0);
    MultigroupIndices multi{};
    const bool any_multigroup = std::any_of(plan.indices.begin(), plan.indices.end(), is_multigroup);
    // Gini's buffers sized here, once, on this thread: grown inside the
    // workers they would land in per-thread heaps and stay resident.
    if (wants(plan, Index::Gini))
        for (auto& s : scratch) {
            s.items.reserve(c.units());
            s.buffer.reserve(c.units());
        }
    // Tasks 0..K-1: the groups; task K: the multigroup indices.
    parallel_for(K + (any_multigroup ? 1 : 0), plan.threads, [&](std::size_t task, unsigned thread) {
        if (task == K) {
            // A partition's counts are used as they are; one group gets its rest.
            multi = multigroup_indices(c.mode == GroupMode::Partition ? c.counts : partition_counts(c));
            return;
        }
        single[task] = single_group_indices(c.counts[task], c.totals, wants(plan, Index::Gini) ? &scratch[thread] : nullptr);
        if (neighbours && wants(plan, Index::SpatialDissimilarity)) adjustment[task] = neighbour_difference(c.counts[task], c.totals, *neighbours);
    });
    for (Index index : plan.indices) {
        if (index == Index::SpatialDissimilarity && !neighbours) continue;
        if (is_multigroup(index)) {
            out.push_back({index, {}, scale, bandwidth, multi_value(index, multi)});
            continue;
        }
        for (std::size_t m = 0; m < K; ++m) out.push_back({index, c.groups[m], scale, bandwidth, single_value(index, single[m], adjustment[m])});
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
    const bool wants_contiguity = wants(plan, Index::SpatialDissimilarity);
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
            if (k == 1) {
                // Blocks of one cell are the cells: the rows of the units as they are.
                const std::size_t plain = out.size();
                for (std::size_t r = 0; r < plain && out[r].scale == 0 && out[r].bandwidth == 0; ++r) {
                    out.push_back(out[r]);
                    out.back().scale = 1;
                }
                continue;
            }
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
            GroupCounts smoothed = places.kind == PlaceKind::Grid ? smooth_on_grid(counts, places.grid, r, plan.kernel, plan.threads)
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
