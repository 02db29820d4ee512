#pragma once
// Ids named in join warnings (issue #18 item 2): the first few of each side
// that did not match, so that a user sees *which* rows and regions, not only
// how many. Warnings and reports show the first kIdsShown and the count.
#include <cstddef>
#include <string>
#include <vector>

namespace regio::table {

inline constexpr std::size_t kIdsShown = 10;

// Collects the first kIdsShown ids and counts them all.
struct IdSample {
    std::vector<std::string> first;
    std::size_t count = 0;

    void add(const std::string& id) {
        if (first.size() < kIdsShown) first.push_back(id);
        ++count;
    }
    [[nodiscard]] bool empty() const { return count == 0; }
};

// "X, Y, Z", or "A, B, ..., J and 5 more" past kIdsShown.
std::string format_ids(const IdSample& ids);

// "X, Y, Z", or "A, B, ..., J, ..." past kIdsShown: the form the crosswalk
// reports use for ids they list in full elsewhere (the count is beside it).
std::string format_first_ids(const std::vector<std::string>& ids);

}  // namespace regio::table
