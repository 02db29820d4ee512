#include "regio/aggregate/key_sum_columns.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace regio::aggregate {

void append_key_sum_columns(table::RegionTable& out, const PointTally& tally, GroupColumns groups) {
    const auto& names = tally.group_names();
    std::vector<std::uint32_t> order(names.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return names[a] < names[b]; });
    const std::size_t regions = tally.regions();
    auto& all = out.add_column(std::string(kCellKeyPrefix) + "count", table::ColumnKind::Integer);
    for (std::size_t r = 0; r < regions; ++r) {
        std::uint64_t sum = 0;
        for (auto g : order) sum = table::add_record_keys(sum, tally.key_sum(g, r));
        all.values[r] = static_cast<double>(sum);  // < 2^53: exact
    }
    if (groups == GroupColumns::Without) return;
    for (auto g : order) {
        auto& column = out.add_column(std::string(kCellKeyPrefix) + "count_" + names[g], table::ColumnKind::Integer);
        for (std::size_t r = 0; r < regions; ++r) column.values[r] = static_cast<double>(tally.key_sum(g, r));
    }
}

}  // namespace regio::aggregate
