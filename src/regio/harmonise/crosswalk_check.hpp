#pragma once
// Checks a crosswalk table before anything is moved through it (issue #12:
// nothing lost, nothing invented). A crosswalk moves every source unit whole:
// the shares of one source, in each share column that is used, must sum to 1.
// A table that repeats a source-target pair, holds a share outside [0, 1], or
// an empty, NaN or infinite number is refused outright.
#include "regio/harmonise/crosswalk.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace regio::harmonise {

// The share columns a step moves values by.
enum class ShareColumn { Area, Weight };
const char* share_field(ShareColumn column);  // "area_share_from", "weight_share_from"

// Whether shares of a source that do not sum to 1 are refused, or accepted
// (--accept-loss) and returned so that the step can state what they lose.
enum class ShareSums { MustBeOne, MayDiffer };

// Per-source sums may differ from 1 by this much (rounding of CSV numbers:
// the shares regio writes sum to 1 within a few ulps).
inline constexpr double kShareSumTolerance = 1e-9;

struct UnbalancedSource {
    std::string from_id;
    ShareColumn column;
    double sum;
    std::int64_t line;  // first row of the source (0 when not read from a file)
};

// Throws DataError naming the file, the line, the field and the source id
// (and the sum found). With ShareSums::MayDiffer, sources whose shares do not
// sum to 1 are returned instead (in table order), for each used column.
std::vector<UnbalancedSource> check_crosswalk(const Crosswalk& crosswalk, const std::vector<ShareColumn>& used,
                                              ShareSums sums = ShareSums::MustBeOne);

}  // namespace regio::harmonise
