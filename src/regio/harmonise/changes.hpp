#pragma once
// The typed list of what changed between two vintages (CHANGES.csv), read off
// a crosswalk: one row per unit on each side with its type and the units on
// the other side.
#include "regio/harmonise/crosswalk.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

enum class ChangeType { Unchanged, Recoded, Renamed, BoundaryShift, Split, Merged, SplitMerge, New, Discontinued };
const char* change_name(ChangeType type);

struct Change {
    std::string side;  // "from" or "to"
    std::string id;
    ChangeType type;
    std::vector<std::string> counterparts;  // ids on the other side
    std::string detail;                     // boundary shifts: "minor" or "major"
};

struct ChangeOptions {
    // Shares of at least 1 - unchanged_tolerance both ways mean "the same
    // territory": generalised boundaries of two vintages never coincide.
    double unchanged_tolerance = 0.01;
    // A boundary shift moving less than this share of either unit is minor.
    double minor_shift = 0.1;
};

// names: optional unit names per side (same order as ids), for "renamed".
std::vector<Change> classify_changes(const Crosswalk& crosswalk, const std::vector<std::string>& from_ids,
                                     const std::vector<std::string>& to_ids, const std::vector<std::string>* from_names,
                                     const std::vector<std::string>* to_names, const ChangeOptions& options);

}  // namespace regio::harmonise
