#include "regio/segregation/unit_table.hpp"

#include "regio/io/csv_columns.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/regionalise/groups.hpp"

#include <fmt/format.h>

#include <cmath>
#include <algorithm>
#include <functional>
#include <utility>

namespace regio::segregation {
namespace {

// The columns as read: text ids and within keys, numbers for the counts
// (NaN for an empty value), and where each row is.
struct RawColumns {
    io::TextColumn ids;
    std::vector<std::string> within;
    std::vector<std::vector<double>> counts;  // groups..., then the total if given
    RowPlaces rows;
};

std::vector<std::string> count_columns(const SegregationRequest& r) {
    std::vector<std::string> columns = r.groups;
    if (!r.total.empty()) columns.push_back(r.total);
    return columns;
}

RawColumns read_csv(const SegregationRequest& r) {
    std::vector<std::string> text_columns{r.id};
    if (!r.within.empty()) text_columns.push_back(r.within);
    io::CsvColumns table = io::read_csv_columns(r.data, text_columns, count_columns(r));
    RawColumns raw;
    raw.ids = std::move(table.texts[0]);
    if (!r.within.empty()) raw.within = table.texts[1].strings();
    raw.counts = std::move(table.numbers);
    raw.rows = RowPlaces{r.data, {}, false, std::move(table.lines)};
    return raw;
}

RawColumns read_layer(const SegregationRequest& r) {
    const io::InputSpec spec = r.data_input();
    RawColumns raw;
    std::vector<std::string> text_fields{r.id};
    if (!r.within.empty()) text_fields.push_back(r.within);
    auto texts = io::read_text_fields(spec, text_fields);
    raw.ids = io::TextColumn::from(texts[r.id]);
    if (!r.within.empty()) raw.within = std::move(texts[r.within]);
    for (const auto& name : count_columns(r)) raw.counts.push_back(io::read_numeric_field(spec, name));
    raw.rows = RowPlaces{spec.path, spec.layer, true, {}};
    for (std::size_t row = 0; row < raw.ids.size(); ++row) raw.rows.numbers.push_back(static_cast<std::int64_t>(row + 1));
    return raw;
}

Where at(const RawColumns& raw, std::size_t row, const std::string& field) { return raw.rows.at(row, field); }

void check_row(const SegregationRequest& r, const RawColumns& raw, std::size_t row) {
    const std::string id(raw.ids[row]);
    if (id.empty()) throw DataError("empty unit id", at(raw, row, r.id));
    const std::vector<std::string> names = count_columns(r);
    for (std::size_t k = 0; k < names.size(); ++k) {
        const double v = raw.counts[k][row];
        if (std::isnan(v)) throw DataError("unit '" + id + "' has no count (empty value)", at(raw, row, names[k]));
        if (!std::isfinite(v)) throw DataError("unit '" + id + "' has an infinite count", at(raw, row, names[k]));
        if (v < 0) throw DataError(fmt::format("unit '{}' has a negative count ({})", id, v), at(raw, row, names[k]));
    }
    if (r.total.empty()) return;
    const double total = raw.counts.back()[row];
    if (r.groups.size() == 1) {
        if (raw.counts[0][row] > total)
            throw DataError(fmt::format("unit '{}': group '{}' = {} is more than the total '{}' = {}", id, r.groups[0], raw.counts[0][row],
                                        r.total, total),
                            at(raw, row, r.groups[0]));
        return;
    }
    double sum = 0;
    for (std::size_t m = 0; m < r.groups.size(); ++m) sum += raw.counts[m][row];
    if (std::abs(sum - total) > 1e-9 * std::max(1.0, total))
        throw DataError(fmt::format("unit '{}': the groups do not partition the total: {} = {} but '{}' = {} ({} {})", id,
                                    fmt::join(r.groups, " + "), sum, r.total, total, std::abs(sum - total),
                                    sum < total ? "missing" : "too many"),
                        at(raw, row, r.total), "several groups must add up to the total in every unit; for one group against the rest give one --group");
}

// Duplicate ids, found by sorting (hash, row) pairs: a million ids take 16 MB
// and a fraction of a second instead of a hash table of strings. Rows with
// equal hashes are compared as text; the error names the later row.
void check_unique_ids(const SegregationRequest& r, const RawColumns& raw) {
    std::vector<std::pair<std::size_t, std::size_t>> keys(raw.ids.size());
    const std::hash<std::string_view> hash;
    for (std::size_t row = 0; row < raw.ids.size(); ++row) keys[row] = {hash(raw.ids[row]), row};
    std::sort(keys.begin(), keys.end());
    for (std::size_t k = 0; k < keys.size(); ++k)
        for (std::size_t j = k + 1; j < keys.size() && keys[j].first == keys[k].first; ++j)
            if (raw.ids[keys[j].second] == raw.ids[keys[k].second]) {
                const std::size_t first = std::min(keys[j].second, keys[k].second), second = std::max(keys[j].second, keys[k].second);
                throw DataError("unit id '" + std::string(raw.ids[second]) + "' occurs twice (also on " + (raw.rows.features ? "feature " : "line ") +
                                    std::to_string(raw.rows.numbers[first]) + ")",
                                at(raw, second, r.id));
            }
}

}  // namespace

Where RowPlaces::at(std::size_t row, const std::string& field) const {
    Where w{file, layer};
    if (features) w.feature = numbers[row];
    else w.line = numbers[row];
    w.field = field;
    return w;
}

UnitTable read_unit_table(const SegregationRequest& r) {
    if (r.groups.empty()) throw UsageError("name at least one --group column");
    if (r.groups.size() == 1 && r.total.empty())
        throw UsageError("one --group needs --total (the group against the rest of the total)",
                         {}, "or name several --group columns that partition the population");
    RawColumns raw = io::extension_of(r.data_input().path) == "csv" ? read_csv(r) : read_layer(r);
    for (std::size_t row = 0; row < raw.ids.size(); ++row) check_row(r, raw, row);
    check_unique_ids(r, raw);
    if (raw.ids.size() < 2)
        throw DataError("the indices need at least two units; the table has " + std::to_string(raw.ids.size()), Where{r.data});

    UnitTable t;
    t.within_keys = !r.within.empty() ? std::move(raw.within) : r.within_prefix ? regionalise::id_prefixes(raw.ids.strings(), r.within_prefix)
                                                                                  : std::vector<std::string>{};
    t.ids = std::move(raw.ids);
    t.rows = std::move(raw.rows);
    Composition& c = t.composition;
    c.mode = r.groups.size() == 1 ? GroupMode::OneAgainstTotal : GroupMode::Partition;
    c.groups = r.groups;
    if (c.mode == GroupMode::OneAgainstTotal) c.totals = std::move(raw.counts.back());
    raw.counts.resize(r.groups.size());
    c.counts = std::move(raw.counts);
    if (c.mode == GroupMode::Partition) {
        c.totals.assign(t.ids.size(), 0.0);
        for (const auto& g : c.counts)
            for (std::size_t i = 0; i < g.size(); ++i) c.totals[i] += g[i];
    }
    const double T = c.total();
    for (std::size_t m = 0; m < c.groups.size(); ++m) {
        const double X = c.group_total(m);
        if (X == 0)
            throw DataError("group '" + c.groups[m] + "' is 0 in every unit: its indices are undefined", Where{r.data, {}, {}, {}, c.groups[m]});
        if (X == T)
            throw DataError("group '" + c.groups[m] + "' is the whole population in every unit: its indices are undefined",
                            Where{r.data, {}, {}, {}, c.groups[m]});
    }
    return t;
}

void check_whole_counts(const UnitTable& table, const SegregationRequest& r) {
    const Composition& c = table.composition;
    for (std::size_t i = 0; i < c.units(); ++i) {
        for (std::size_t m = 0; m < c.groups.size(); ++m)
            if (c.counts[m][i] != std::floor(c.counts[m][i])) {
                throw DataError(fmt::format("unit '{}': count {} is not a whole number of people", table.ids[i], c.counts[m][i]),
                                table.rows.at(i, c.groups[m]),
                                "random allocation (--simulations) moves individuals: counts must be whole numbers");
            }
        if (!r.total.empty() && c.totals[i] != std::floor(c.totals[i])) {
            throw DataError(fmt::format("unit '{}': total {} is not a whole number of people", table.ids[i], c.totals[i]),
                            table.rows.at(i, r.total),
                            "random allocation (--simulations) moves individuals: counts must be whole numbers");
        }
    }
}

}  // namespace regio::segregation
