#include "regio/indicators/indicators_table.hpp"

#include <map>
#include <utility>

namespace regio::indicators {

table::RegionTable wide_indicators_table(const Definitions& definitions, const Hierarchy& hierarchy, const Result& result,
                                         const std::string& id_name, const std::vector<std::string>& ids) {
    // Columns in first-seen order of the tidy rows: indicators, then groups, total, gaps.
    std::vector<std::string> names;
    std::map<std::string, std::size_t> column_of;
    for (const OutputRow& row : result.rows) {
        const std::string name = definitions.indicators[row.indicator].name + "_" + row.group;
        if (column_of.emplace(name, names.size()).second) names.push_back(name);
    }
    std::map<std::string, std::size_t> region_of;
    for (std::size_t r = 0; r < hierarchy.size(); ++r) region_of.emplace(hierarchy.ids[r], r);
    std::map<std::size_t, std::size_t> out_row_of;  // hierarchy row -> output row (first)
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto it = region_of.find(ids[i]);
        if (it != region_of.end()) out_row_of.emplace(it->second, i);
    }

    const std::size_t n = ids.size();
    std::vector<std::vector<double>> values(names.size(), std::vector<double>(n, 0.0));
    std::vector<std::vector<table::CellStatus>> status(names.size(), std::vector<table::CellStatus>(n, table::CellStatus::Missing));
    std::vector<std::vector<std::string>> flags(names.size(), std::vector<std::string>(n, std::string(flag_name(Flag::NoData))));
    for (const OutputRow& row : result.rows) {
        const auto it = out_row_of.find(row.region);
        if (it == out_row_of.end()) continue;
        const std::size_t c = column_of.at(definitions.indicators[row.indicator].name + "_" + row.group);
        flags[c][it->second] = std::string(flag_name(row.flag));
        if ((row.flag == Flag::Ok || row.flag == Flag::Perturbed) && row.value) {
            values[c][it->second] = *row.value;
            status[c][it->second] = table::CellStatus::Ok;
        }
    }

    table::RegionTable out(id_name, ids);
    for (std::size_t c = 0; c < names.size(); ++c) out.add_text_column(names[c] + "_flag", std::move(flags[c]));
    for (std::size_t c = 0; c < names.size(); ++c) {
        table::Column& column = out.add_column(names[c], table::ColumnKind::Real);
        column.values = std::move(values[c]);
        column.status = std::move(status[c]);
    }
    return out;
}

}  // namespace regio::indicators
