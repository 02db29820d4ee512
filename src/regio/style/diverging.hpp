#pragma once
// Diverging colours around a reference value (../shared/spec/choropleth.md
// §4 and §5.6): the neutral middle colour goes to the class that holds the
// reference (0 for gaps, or the EU average), and the two arms of the scheme
// go to the classes below and above it, however unevenly they fall.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace regio::style {

// Where the classes [lowest, b0], (b0, b1], … sit around `centre`.
//  - centre strictly inside a class: that class is `neutral`;
//  - centre exactly on a bound (lowest or any bins[j]): no neutral class; the
//    bound separates the two arms (as with std-mean's anchor option, whose
//    bound on the mean is meant to be the divide);
//  - centre outside [lowest, max]: every class is on one side.
struct CentreSplit {
    std::size_t below = 0;               // classes below the centre
    std::size_t above = 0;               // classes above the centre
    std::optional<std::size_t> neutral;  // the class holding the centre, if any
};

[[nodiscard]] CentreSplit split_at_centre(const std::vector<double>& bins, double lowest, double centre);

// One colour per class (bins as in classify::Classification) from diverging
// scheme `name`: the smallest stored set of the right parity (odd with a
// neutral class, even without) whose arms are long enough, sliced so its
// middle falls on the centre. A symmetric split uses the set of exactly
// bins.size() colours. Throws UsageError for a non-diverging scheme or when
// no stored set is large enough (listing the sizes there are).
[[nodiscard]] std::vector<std::string> diverging_colors(const std::string& name, const std::vector<double>& bins,
                                                        double lowest, double centre, bool reverse = false);

}  // namespace regio::style
