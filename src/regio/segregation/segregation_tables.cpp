#include "regio/segregation/segregation_tables.hpp"

#include <cmath>

namespace regio::segregation {
namespace {

// A value OUT.csv leaves empty (undefined, or not asked for) is null.
void set(table::Column& column, std::size_t row, double value, bool present) {
    if (present && !std::isnan(value)) column.values[row] = value;
    else column.status[row] = table::CellStatus::Missing;
}

}  // namespace

table::RegionTable index_table(const SegregationResult& result) {
    std::vector<std::string> within, index, group;
    for (const auto& row : result.rows) {
        within.push_back(row.within);
        index.push_back(row.index);
        group.push_back(row.group);
    }
    table::RegionTable t("within", std::move(within));
    t.add_text_column("index", std::move(index));
    t.add_text_column("group", std::move(group));
    auto& scale = t.add_column("scale", table::ColumnKind::Integer);
    auto& bandwidth = t.add_column("bandwidth", table::ColumnKind::Real);
    auto& value = t.add_column("value", table::ColumnKind::Real);
    auto& expected = t.add_column("expected", table::ColumnKind::Real);
    auto& ci_low = t.add_column("ci_low", table::ColumnKind::Real);
    auto& ci_high = t.add_column("ci_high", table::ColumnKind::Real);
    auto& p_value = t.add_column("p_value", table::ColumnKind::Real);
    for (std::size_t k = 0; k < result.rows.size(); ++k) {
        const SegregationRow& row = result.rows[k];
        set(scale, k, static_cast<double>(row.scale), row.scale != 0);
        set(bandwidth, k, row.bandwidth, row.bandwidth > 0);
        set(value, k, row.value, true);
        const bool simulated = row.simulated.has_value();
        set(expected, k, simulated ? row.simulated->expected : 0, simulated);
        set(ci_low, k, simulated ? row.simulated->ci_low : 0, simulated);
        set(ci_high, k, simulated ? row.simulated->ci_high : 0, simulated);
        set(p_value, k, simulated ? row.simulated->p_value : 0, simulated);
    }
    return t;
}

table::RegionTable local_table(const std::string& id, const SegregationResult& result) {
    table::RegionTable t(id, result.unit_ids);
    for (std::size_t m = 0; m < result.local_groups.size(); ++m) {
        auto& column = t.add_column("lq_" + result.local_groups[m], table::ColumnKind::Real);
        for (std::size_t u = 0; u < result.unit_ids.size(); ++u) set(column, u, result.location_quotients[m][u], true);
    }
    auto& entropy = t.add_column("local_entropy", table::ColumnKind::Real);
    for (std::size_t u = 0; u < result.unit_ids.size(); ++u) set(entropy, u, result.local_entropy[u], true);
    return t;
}

}  // namespace regio::segregation
