#include "regio/indicators/indicators_inputs.hpp"

#include "regio/error.hpp"

namespace regio::indicators {

const PTable& single_ptable(const PTableChoice& ptables) {
    const PTable* only = nullptr;
    for (const auto& p : ptables) {
        if (!p) continue;
        if (only && only != p.get())
            throw UsageError("--ptable-output writes one perturbation table, but the indicators use different ones", {},
                             "give the indicators the same ptable, or write each from a definitions file of its own");
        only = p.get();
    }
    if (!only) throw UsageError("--ptable-output needs method = \"cell-key\" in the definitions' [disclosure] or an [[indicator]]");
    return *only;
}

DataTable read_data(const io::CsvTable& csv, const std::string& id, const Definitions& definitions) {
    DataTable data;
    data.source = csv.path;
    data.lines = csv.lines;
    const std::size_t id_col = csv.column(id);
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        if (csv.rows[r][id_col].empty()) throw DataError("empty region id", Where{csv.path, {}, csv.lines[r], {}, id});
        data.ids.push_back(csv.rows[r][id_col]);
    }
    check_columns(definitions, csv.columns, csv.path);
    for (const ColumnUse& u : required_columns(definitions)) {
        auto& values = data.columns[u.column];
        if (!values.empty()) continue;
        const std::size_t col = csv.column(u.column);
        for (std::size_t r = 0; r < csv.rows.size(); ++r) values.push_back(csv.number(r, col));
    }
    return data;
}

HierarchyInput hierarchy_input(const io::CsvTable& csv, const IndicatorsRequest& request, const DataTable& data,
                               const Definitions& definitions) {
    HierarchyInput in{csv.path, request.id, data.ids, data.lines};
    if (request.rollup == "nuts") {
        in.mode = RollupMode::Nuts;
    } else if (!request.rollup.empty()) {
        in.mode = RollupMode::Field;
        in.parent_field = request.rollup;
        const std::size_t col = csv.column(request.rollup);
        for (const auto& row : csv.rows) in.parents.push_back(row[col]);
        in.structural = rows_without_values(definitions, data);
    }
    return in;
}

}  // namespace regio::indicators
