#include "regio/maps/map_data.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_format.hpp"
#include "regio/io/csv_table.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <utility>

namespace regio::maps {

namespace {

// Which columns map --gpkg carries (see CarriedColumns): numerator and
// denominator, else every other column whose selected rows are all numbers.
std::vector<std::size_t> carried_column_indices(const io::CsvTable& table, const std::vector<std::size_t>& rows,
                                                const std::set<std::size_t>& used) {
    std::vector<std::size_t> out;
    if (table.has_column("numerator") && table.has_column("denominator"))
        return {table.column("numerator"), table.column("denominator")};
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (used.count(c) || table.columns[c] == "flag") continue;
        std::size_t numbers = 0;
        const bool numeric = std::all_of(rows.begin(), rows.end(), [&](std::size_t r) {
            double v = 0;
            const io::NumberStatus status = io::parse_number(table.rows[r][c], table.delimiter, v);
            numbers += status == io::NumberStatus::Ok;
            return status == io::NumberStatus::Ok || status == io::NumberStatus::Empty;
        });
        if (numeric && numbers > 0) out.push_back(c);
    }
    return out;
}

void carry_columns(const io::CsvTable& table, const std::vector<std::size_t>& rows, const std::vector<render::TidyRow>& tidy,
                   const std::set<std::size_t>& used, const render::PanelValues& panels,
                   const std::vector<std::string>& region_ids, CarriedColumns& carried) {
    const std::vector<std::size_t> columns = carried_column_indices(table, rows, used);
    std::map<std::pair<std::string, std::string>, std::size_t> row_of;  // (facet, id) -> row of `rows`
    for (std::size_t i = 0; i < rows.size(); ++i) row_of.emplace(std::make_pair(tidy[i].facet, tidy[i].id), i);
    std::map<std::string, std::size_t> region_index;
    for (std::size_t r = 0; r < region_ids.size(); ++r) region_index.emplace(region_ids[r], r);
    for (const std::size_t c : columns) {
        carried.names.push_back(table.columns[c]);
        auto& by_panel = carried.values.emplace_back(
            panels.values.size(), std::vector<double>(region_ids.size(), std::numeric_limits<double>::quiet_NaN()));
        for (std::size_t p = 0; p < panels.values.size(); ++p)
            for (std::size_t r = 0; r < region_ids.size(); ++r) {
                const auto it = row_of.find({panels.facets[p], region_ids[r]});
                if (it == row_of.end() || panels.is_confidential(p, r)) continue;
                double v = 0;
                if (io::parse_number(table.rows[rows[it->second]][c], table.delimiter, v) == io::NumberStatus::Ok) by_panel[p][r] = v;
            }
    }
}

render::PanelValues read_one(const std::vector<double>& layer_values, const MapValueSource& args,
                             const std::vector<std::string>& region_ids, std::vector<std::string>& warnings,
                             std::string* definition_label, CarriedColumns* carried) {
    if (args.data.empty()) {
        if (!args.facet.empty()) throw UsageError("--facet needs --data: a tidy table with a column of facet values");
        if (!args.where.empty()) throw UsageError("--where picks rows of --data: give the table too");
        if (!args.flag_column.empty()) throw UsageError("--flag-column names a column of --data: give the table too");
        return {{std::string()}, {layer_values}, 0, 0};
    }
    if (args.data_id.empty()) throw UsageError("--data needs --data-id naming its id column");
    if (!args.facet.empty() && (args.facet == args.data_id || args.facet == args.field))
        throw UsageError("--facet '" + args.facet + "' must be a column other than the id and the value");
    const io::CsvTable table = io::read_csv_table(args.data, args.text);
    const std::size_t id_col = table.column(args.data_id), value_col = table.column(args.field);
    const std::size_t facet_col = args.facet.empty() ? 0 : table.column(args.facet);
    // Suppressed values (e.g. regio indicators' flag "suppressed") are confidential, not no data.
    const std::string flag_name = args.flag_column.empty() ? "flag" : args.flag_column;
    const bool flagged = !args.flag_column.empty() || table.has_column(flag_name);
    const std::size_t flag_col = flagged ? table.column(flag_name) : 0;
    // --where picks the rows of a tidy table (e.g. indicator=employment_rate), before the facets are split.
    std::vector<std::pair<std::size_t, std::string>> filters;
    for (const auto& w : args.where) {
        const auto eq = w.find('=');
        if (eq == std::string::npos || eq == 0) throw UsageError("--where takes COLUMN=VALUE, got '" + w + "'");
        filters.emplace_back(table.column(w.substr(0, eq)), w.substr(eq + 1));
    }
    std::vector<render::TidyRow> rows;
    std::vector<std::size_t> row_index;  // of each tidy row in `table`
    std::size_t perturbed = 0;
    const bool labelled = definition_label && table.has_column("label");
    const std::size_t label_col = labelled ? table.column("label") : 0;
    std::set<std::string> labels;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (!std::all_of(filters.begin(), filters.end(), [&](const auto& f) { return row[f.first] == f.second; })) continue;
        perturbed += flagged && row[flag_col] == "perturbed";
        const bool confidential = flagged && render::is_confidential_flag(row[flag_col]);
        if (labelled) labels.insert(row[label_col]);
        rows.push_back({row[id_col], args.facet.empty() ? std::string() : row[facet_col],
                        confidential ? std::numeric_limits<double>::quiet_NaN() : table.number(r, value_col), table.lines[r], confidential});
        row_index.push_back(r);
    }
    const render::JoinSource source{args.data, args.data_id, args.facet};
    render::PanelValues panels = render::join_panels(region_ids, rows, source);
    render::join_warnings(panels, source, warnings);
    panels.perturbed = perturbed;
    if (labelled && labels.size() == 1) *definition_label = *labels.begin();
    if (carried) {
        std::set<std::size_t> used{id_col, value_col};
        if (!args.facet.empty()) used.insert(facet_col);
        if (flagged) used.insert(flag_col);
        for (const auto& f : filters) used.insert(f.first);
        carry_columns(table, row_index, rows, used, panels, region_ids, *carried);
    }
    return panels;
}

}  // namespace

render::PanelValues read_map_values(const std::vector<double>& layer_values, const MapValueSource& args,
                                    const std::vector<std::string>& region_ids, std::vector<std::string>& warnings,
                                    std::string* definition_label, CarriedColumns* carried) {
    if (!args.minus.empty() && args.data.empty()) throw UsageError("--minus needs --data: both tables are joined the same way");
    if (!args.minus.empty() && !args.facet.empty())
        throw UsageError("--minus and --facet do not go together: put the change in a column of the tidy table, or map one year per panel");
    // A change (--minus) is not what the label defines: no title from it.
    // Nor are its counts carried: they belong to one of the two tables.
    render::PanelValues panels = read_one(layer_values, args, region_ids, warnings, args.minus.empty() ? definition_label : nullptr,
                                          args.minus.empty() ? carried : nullptr);
    if (!args.minus.empty()) {
        // The change between two tables of the same shape (e.g. a rate this
        // year minus last year's, carried onto this year's units).
        MapValueSource other = args;
        other.data = args.minus;
        const render::PanelValues before = read_one(layer_values, other, region_ids, warnings, nullptr, nullptr);
        panels.perturbed += before.perturbed;
        for (std::size_t r = 0; r < before.values.front().size(); ++r) {
            panels.values.front()[r] -= before.values.front()[r];  // NaN stays NaN: no data
            if (before.is_confidential(0, r) && !panels.confidential.empty()) panels.confidential.front()[r] = 1;
        }
    }
    return panels;
}

}  // namespace regio::maps
