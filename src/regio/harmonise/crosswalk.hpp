#pragma once
// A crosswalk between two vintages of regions: one row per intersecting pair
// with its area and, optionally, a weight (population) and the shares of the
// source and the target they represent. CROSSWALK.csv is this, row for row.
#include "regio/harmonise/overlay.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::harmonise {

struct CrosswalkRow {
    std::string from_id;
    std::string to_id;
    double area_m2 = 0;
    double area_share_from = 0;  // of the source's area; the kept rows of a source sum to 1
    double area_share_to = 0;    // of the target's area
    double weight = 0;           // with weights only
    double weight_share_from = 0;
    double weight_share_to = 0;
    // With a boundary tolerance only (Crosswalk::has_near_boundary): the share
    // of the row's area, and of its weight, that lies near a boundary between
    // candidate units (harmonise/near_boundary.hpp).
    double near_boundary_area_share = 0;
    double near_boundary_weight_share = 0;  // with weights only
};

struct Crosswalk {
    std::vector<CrosswalkRow> rows;  // sorted by from_id order of the source set, then to
    bool has_weights = false;
    // The near-boundary columns: written only when measured (D > 0), so that
    // crosswalks built without a tolerance stay as they were.
    bool has_near_boundary = false;
    // Where the rows were read from, for messages: the file and each row's
    // 1-based line (empty for a crosswalk built in memory).
    std::string file;
    std::vector<std::int64_t> lines;
};

struct CrosswalkOptions {
    // A piece is a sliver (dropped, reported) when both its shares are below
    // min_share, or its area is below min_area. Generalised boundaries of two
    // vintages leave slivers: up to 1e-5 of a region in NUTS 1:3M, up to 4e-4
    // of a forecast area in Berlin's LOR; real changes of NUTS 2016->2021
    // start at 2.7e-3.
    double min_share = 1e-3;
    double min_area = 0;
};

struct Sliver {
    std::string from_id;
    std::string to_id;
    double area_m2;
    double weight;
};

struct BuildResult {
    Crosswalk crosswalk;
    std::vector<Sliver> slivers;
    // Sources without any piece (nothing of them in the target set).
    std::vector<std::string> unmatched_from;
    std::vector<std::string> unmatched_to;
};

// pair_weights (optional) holds the weight of each overlay pair, in the order
// of overlay.pairs.
BuildResult build_crosswalk(const OverlayResult& overlay, const std::vector<std::string>& from_ids,
                            const std::vector<std::string>& to_ids, const std::vector<double>* pair_weights,
                            const CrosswalkOptions& options);

// A -> B and B -> C into A -> C: shares multiply along the way (the
// distribution inside each B unit is taken as proportional to its share).
// Near-boundary shares compose when both tables have them: along one path
// A -> B -> C the share is 1 - (1 - u1)(1 - u2) (near a boundary in either
// step, the steps taken as independent), and a chained row averages its
// paths weighted by what each carries (its area, or its weight).
Crosswalk chain_crosswalks(const Crosswalk& ab, const Crosswalk& bc);

}  // namespace regio::harmonise
