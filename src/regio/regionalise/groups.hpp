#pragma once
// The higher units regions must stay inside (--within): each unit's group as
// an index, groups numbered in order of their first unit.
#include <cstddef>
#include <string>
#include <vector>

namespace regio::regionalise {

struct Groups {
    std::vector<std::size_t> of_unit;  // group index of each unit
    std::vector<std::string> names;    // group key of each index
};

// One group per distinct key (an empty key, e.g. a NULL field, is a group of its own).
Groups groups_from_keys(const std::vector<std::string>& keys);
// Everything in one unnamed group (no --within).
Groups single_group(std::size_t units);
// The first `length` characters of each id (--within-prefix; e.g. 2 for
// Berlin's districts in LOR ids). Throws DataError naming an id that is shorter.
std::vector<std::string> id_prefixes(const std::vector<std::string>& ids, std::size_t length);

}  // namespace regio::regionalise
