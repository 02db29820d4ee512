#pragma once
// Edge smoothing of urban centres by the iterated majority rule
// (../shared/spec/degurba.md §2.1 step 4).
#include "regio/degurba/options.hpp"

#include <cstdint>
#include <vector>

namespace regio::degurba {

struct SmoothingStats {
    int passes = 0;  // including the last one, which adds nothing; 0 without centres or rule
    std::int64_t cells_added = 0;
};

// centre_id: 0 = not in an urban centre, else the centre's id; updated in
// place. flags: CellFlags bits (MajorityVoter and Water are read for R2023A).
// Passes are synchronous: each is evaluated on the state at its start.
SmoothingStats apply_majority_rule(std::int64_t cols, std::int64_t rows, const std::vector<std::uint8_t>& flags,
                                   const Options& options, std::vector<std::int32_t>& centre_id);

}  // namespace regio::degurba
