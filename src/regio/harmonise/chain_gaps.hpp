#pragma once
// Chaining crosswalks across vintages where units disappear (issue #18, item
// 9): NUTS 2016->2021 and 2021->2024 share the 2021 vintage except the
// United Kingdom's units, which have no successor in 2024. Such middle units
// are carried as discontinued (the sources that go wholly into them leave the
// chain, as a discontinued unit leaves a crosswalk) and middle units without
// a predecessor as new (their targets get nothing from the chain); both are
// reported by name and count. MiddleGaps::Strict refuses them instead.
#include "regio/harmonise/crosswalk.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

enum class MiddleGaps { Carry, Strict };

struct ChainLinkResult {
    Crosswalk chained;
    std::vector<std::string> discontinued;       // middle units without a successor, sorted
    std::vector<std::string> new_units;          // middle units without a predecessor, sorted
    std::vector<std::string> dropped_sources;    // sources that went wholly into discontinued units
};

// Composes ab and bc (bc read from `bc_file`, for messages). Throws DataError
// when gaps are refused (Strict), when a source goes only partly into
// discontinued units (carrying the rest would lose part of it), and when most
// middle units do not match (the tables do not share the middle vintage).
ChainLinkResult chain_with_gaps(const Crosswalk& ab, const Crosswalk& bc, const std::string& bc_file, MiddleGaps policy);

}  // namespace regio::harmonise
