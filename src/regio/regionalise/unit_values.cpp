#include "regio/regionalise/unit_values.hpp"

#include "regio/error.hpp"

#include <cmath>
#include <unordered_map>

namespace regio::regionalise {

std::string list_some(const std::vector<std::string>& names, std::size_t shown) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
    return out;
}

UnitValues join_unit_values(const std::vector<std::string>& unit_ids, const DataColumns& data, Unmatched policy) {
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < data.ids.size(); ++r) {
        const auto [it, fresh] = row_of.emplace(data.ids[r], r);
        if (!fresh)
            throw DataError("id '" + data.ids[r] + "' repeats line " + std::to_string(data.lines[it->second]),
                            Where{data.path, {}, data.lines[r], {}, data.id_column});
    }
    const std::size_t columns = data.names.size();
    UnitValues out;
    out.values.assign(columns, std::vector<double>(unit_ids.size(), 0.0));
    out.table_total.assign(columns, 0.0);
    out.unmatched_total.assign(columns, 0.0);
    // Every cell is checked, matched or not: an empty count is a hole in the
    // statistics, and summing it as 0 would hide it.
    for (std::size_t k = 0; k < columns; ++k)
        for (std::size_t r = 0; r < data.ids.size(); ++r) {
            const double v = data.values[k][r];
            if (std::isnan(v))
                throw DataError("empty value in a threshold column", Where{data.path, {}, data.lines[r], {}, data.names[k]},
                                "fill it (0 if there is nobody) or leave the unit out of the units layer");
            out.table_total[k] += v;
        }

    std::vector<char> used(data.ids.size(), 0);
    for (std::size_t u = 0; u < unit_ids.size(); ++u) {
        const auto it = row_of.find(unit_ids[u]);
        if (it == row_of.end()) {
            out.units_without_data.push_back(unit_ids[u]);
            continue;
        }
        used[it->second] = 1;
        for (std::size_t k = 0; k < columns; ++k) out.values[k][u] = data.values[k][it->second];
    }
    for (std::size_t r = 0; r < data.ids.size(); ++r) {
        if (used[r]) continue;
        out.rows_without_unit.push_back(data.ids[r]);
        for (std::size_t k = 0; k < columns; ++k) out.unmatched_total[k] += data.values[k][r];
    }
    if (policy == Unmatched::Error && (!out.units_without_data.empty() || !out.rows_without_unit.empty())) {
        std::string what;
        if (!out.units_without_data.empty())
            what = std::to_string(out.units_without_data.size()) + " units have no row in the data table (" +
                   list_some(out.units_without_data) + ")";
        if (!out.rows_without_unit.empty())
            what += (what.empty() ? "" : "; ") + std::to_string(out.rows_without_unit.size()) +
                    " data rows have no unit (" + list_some(out.rows_without_unit) + ")";
        throw DataError(what, Where{data.path, {}, {}, {}, data.id_column},
                        "check --data-id and the vintage; --unmatched report goes on (units without a row count 0)");
    }
    return out;
}

}  // namespace regio::regionalise
