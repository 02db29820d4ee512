#include "regio/degurba/connected_components.hpp"

#include "regio/error.hpp"

#include <limits>
#include <string>

namespace regio::degurba {

std::int32_t LabelForest::resolve() {
    m_final.assign(m_parent.size(), 0);
    std::int32_t count = 0;
    const auto n = static_cast<std::int32_t>(m_parent.size());
    for (std::int32_t label = 1; label < n; ++label) {
        const std::int32_t root = find(label);
        // Union by minimum: a root is never larger than its members, so its
        // final id is already known when a member is reached.
        m_final[label] = root == label ? ++count : m_final[root];
    }
    return count;
}

void check_label_capacity(std::int64_t cols, std::int64_t rows) {
    if (cols < 0 || rows < 0)
        throw DataError("grid size " + std::to_string(cols) + " x " + std::to_string(rows) + " is negative");
    if (cols != 0 && rows > std::numeric_limits<std::int32_t>::max() / cols)
        throw DataError("grid of " + std::to_string(cols) + " x " + std::to_string(rows) +
                            " cells is too large for the Degree of Urbanisation (at most 2^31 - 1 cells)",
                        {}, "split the study area into tiles with a buffer of at least 3 km");
}

}  // namespace regio::degurba
