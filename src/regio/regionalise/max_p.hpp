#pragma once
// A max-p regionalisation heuristic (after Duque, Anselin & Rey 2012, "The
// max-p-regions problem", J. Regional Science 52(3)): merge contiguous units
// into as many regions as possible such that every region reaches every
// threshold, regions stay inside their group, and are compact.
//
// One run, for a seeded order of the units:
//  1. growth: take the next unassigned unit as the seed of a region; add the
//     adjacent unassigned unit of the same group nearest to the region's
//     centroid (ties: lower unit index) until every threshold is met. If the
//     region runs out of candidates first, its units become enclaves (they
//     are not used as seeds again);
//  2. enclaves: in the run's order, repeatedly, each enclave joins the
//     adjacent region of its group whose compactness it worsens least (ties:
//     the older region), until no enclave has such a neighbour;
//  3. the rest: enclaves left over fill whole connected parts of their group
//     that cannot reach the thresholds (a too-small district, an island).
//     Each such part becomes one region that fails; it is kept, not dropped.
// Of all runs the one with the most regions meeting the thresholds wins,
// then the most compact, then the lowest run index.
//
// Compactness is the area-weighted sum of squared distances from each unit's
// centroid to its region's area-weighted centroid (the moment of inertia of
// the region's units; smaller is more compact). Area, not population: the
// aim is regions that look like regions on a map, and a threshold column is
// already what the regions are built on.
#include "regio/geometry/types.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace regio::regionalise {

struct Problem {
    std::vector<std::vector<std::size_t>> neighbours;  // contiguity, ascending (see adjacency.hpp)
    std::vector<std::size_t> group;                    // group of each unit; regions never cross groups
    std::vector<geometry::Point> centroid;
    std::vector<double> weight;                        // compactness weight of each unit (its area)
    std::vector<std::vector<double>> values;           // [threshold][unit]
    std::vector<double> minimum;                       // [threshold]

    [[nodiscard]] std::size_t size() const { return group.size(); }
    // The sums of `members` per threshold.
    [[nodiscard]] std::vector<double> sums(const std::vector<std::size_t>& members) const;
    [[nodiscard]] bool meets(const std::vector<double>& sums) const;
};

// region_of[u]: the region of unit u, regions numbered 0.. in order of their
// first unit (input order), so equal partitions are equal vectors.
struct Partition {
    std::vector<std::size_t> region_of;
    std::size_t regions = 0;
};

struct RunStats {
    std::size_t regions = 0;
    std::size_t meeting = 0;   // regions that meet every threshold
    double compactness = 0;
};

struct MaxPOptions {
    std::uint64_t seed = 1;
    unsigned runs = 10;  // >= 1
};

struct MaxPResult {
    Partition partition;                           // of the chosen run
    std::vector<std::vector<std::size_t>> members; // per region, ascending unit indices
    std::vector<char> meets;                       // per region
    unsigned chosen_run = 0;
    std::vector<RunStats> runs;
};

// One run for a given order of the units (exposed for tests).
Partition grow_regions(const Problem& problem, const std::vector<std::size_t>& order);
double compactness(const Problem& problem, const Partition& partition);
RunStats run_stats(const Problem& problem, const Partition& partition);

// Throws UsageError for zero runs, DataError when the problem's vectors disagree in size.
MaxPResult regionalise(const Problem& problem, const MaxPOptions& options);

}  // namespace regio::regionalise
