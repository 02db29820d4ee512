#include "regio/atlas/indicator_series.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_table.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace regio::atlas {

bool Series::is_gap() const { return group.size() > 4 && group.compare(group.size() - 4, 4, "_gap") == 0; }

IndicatorTable read_indicator_table(const std::string& path) {
    const io::CsvTable csv = io::read_csv_table(path);
    const std::size_t c_region = csv.column("region"), c_indicator = csv.column("indicator"), c_group = csv.column("group"),
                      c_value = csv.column("value"), c_num = csv.column("numerator"), c_den = csv.column("denominator"),
                      c_flag = csv.column("flag");
    const auto optional_column = [&](const char* name) { return csv.has_column(name) ? csv.column(name) : csv.columns.size(); };
    const std::size_t c_definition = optional_column("definition"), c_label = optional_column("label");
    IndicatorTable table;
    table.path = path;
    std::map<std::string, std::size_t> index;
    std::set<std::string> regions;
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        const auto& row = csv.rows[r];
        const Where where{path, {}, csv.lines[r]};
        Series probe;
        probe.indicator = row[c_indicator];
        probe.group = row[c_group];
        auto [it, fresh] = index.emplace(probe.key(), table.series.size());
        if (fresh) {
            probe.definition = c_definition < row.size() ? row[c_definition] : "";
            probe.label = c_label < row.size() ? row[c_label] : probe.indicator;
            table.series.push_back(probe);
        }
        Series& s = table.series[it->second];
        Cell cell;
        cell.flag = row[c_flag];
        const double v = csv.number(r, c_value);
        if (std::isfinite(v)) {
            // Cell-key values (issue #17) are published like any other.
            if (cell.flag != "ok" && cell.flag != "perturbed") throw DataError("a value on a row flagged '" + cell.flag + "'", Where{path, {}, csv.lines[r], {}, "value"});
            cell.value = v;
            cell.numerator = row[c_num];
            cell.denominator = row[c_den];
        }
        const std::string& region = row[c_region];
        if (!s.cells.emplace(region, cell).second)
            throw DataError("region '" + region + "' appears twice for " + s.indicator + " / " + s.group, where);
        if (regions.insert(region).second) table.regions.push_back(region);
    }
    // The unit: a share scaled to 100 is a percentage; a gap is in points.
    for (Series& s : table.series) {
        if (s.is_gap()) {
            s.unit = "pp";
            continue;
        }
        for (const auto& [region, cell] : s.cells) {
            if (!cell.value || cell.numerator.empty() || cell.denominator.empty()) continue;
            const double num = std::stod(cell.numerator), den = std::stod(cell.denominator);
            if (num > 0 && den > 0) {
                const double scale = *cell.value * den / num;
                if (std::fabs(scale - 100) < 1e-6) s.unit = "%";
                break;
            }
        }
    }
    return table;
}

Vintages merge_vintages(const std::vector<IndicatorTable>& tables) {
    Vintages out;
    std::map<std::string, std::size_t> index;
    std::set<std::string> regions;
    for (const IndicatorTable& t : tables) {
        out.current.path = t.path;
        for (const Series& s : t.series) {
            const auto [it, fresh] = index.emplace(s.key(), out.current.series.size());
            if (fresh) {
                out.current.series.push_back(s);
            } else {
                out.previous[s.key()] = out.current.series[it->second];
                out.current.series[it->second] = s;
            }
        }
        for (const auto& r : t.regions)
            if (regions.insert(r).second) out.current.regions.push_back(r);
    }
    return out;
}

std::map<std::string, std::size_t> rank_regions(const Series& series, const std::vector<std::string>& regions) {
    std::vector<double> values;
    for (const auto& id : regions)
        if (const auto it = series.cells.find(id); it != series.cells.end() && it->second.value) values.push_back(*it->second.value);
    std::sort(values.begin(), values.end(), std::greater<>());
    std::map<std::string, std::size_t> ranks;
    for (const auto& id : regions)
        if (const auto it = series.cells.find(id); it != series.cells.end() && it->second.value) {
            const double v = *it->second.value;
            ranks[id] = static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), v, std::greater<>()) - values.begin()) + 1;
        }
    return ranks;
}

}  // namespace regio::atlas
