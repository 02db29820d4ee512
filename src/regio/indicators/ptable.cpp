#include "regio/indicators/ptable.hpp"

#include "regio/error.hpp"
#include "regio/table/csv_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace regio::indicators {
namespace {

// Rows written by other tools carry rounded probabilities; anything further
// from 1 than this is a wrong table, not rounding.
constexpr double kRowSumTolerance = 1e-9;

[[noreturn]] void fail(const std::string& source, std::int64_t line, const std::string& field, const std::string& why) {
    Where where;
    where.file = source;
    if (line > 0) where.line = line;
    where.field = field;
    throw ConfigError(why, where);
}

// Lays the row's probabilities end to end on [0, 1).
void set_intervals(std::vector<PTableEntry>& row) {
    double cumulative = 0;
    for (PTableEntry& e : row) {
        e.lower = cumulative;
        cumulative += e.p;
        e.upper = cumulative;
    }
    row.back().upper = 1.0;  // rounding must not leave keys near 1 without a row entry
}

}  // namespace

PTable PTable::from_entries(std::vector<PTableEntry> entries, const std::string& source) {
    if (entries.empty()) fail(source, 0, "", "the perturbation table has no rows");
    std::stable_sort(entries.begin(), entries.end(),
                     [](const PTableEntry& a, const PTableEntry& b) { return a.i != b.i ? a.i < b.i : a.j < b.j; });
    PTable table;
    for (const PTableEntry& e : entries) {
        if (e.i < 0) fail(source, e.line, "i", fmt::format("original value {} is negative", e.i));
        if (e.j < 0) fail(source, e.line, "j", fmt::format("perturbed value {} is negative", e.j));
        if (!(e.p >= 0 && e.p <= 1)) fail(source, e.line, "p", fmt::format("probability {} is not in [0, 1]", e.p));
        const auto row = static_cast<std::size_t>(e.i);
        if (row > table.m_rows.size()) fail(source, e.line, "i", fmt::format("rows for original values {} to {} are missing", table.m_rows.size(), e.i - 1));
        if (row == table.m_rows.size()) table.m_rows.emplace_back();
        auto& entries_of_row = table.m_rows[row];
        if (!entries_of_row.empty() && entries_of_row.back().j == e.j)
            fail(source, e.line, "j", fmt::format("original value {} lists perturbed value {} twice", e.i, e.j));
        if (e.p > 0) entries_of_row.push_back(e);  // a zero-probability entry can never be drawn
    }
    for (std::size_t i = 0; i < table.m_rows.size(); ++i) {
        auto& row = table.m_rows[i];
        if (row.empty()) fail(source, 0, "p", fmt::format("original value {} has no entry with positive probability", i));
        double sum = 0;
        for (const PTableEntry& e : row) sum += e.p;
        if (std::abs(sum - 1.0) > kRowSumTolerance)
            fail(source, row.front().line, "p", fmt::format("the probabilities of original value {} sum to {}, not 1", i, sum));
        set_intervals(row);
    }
    const auto& zero = table.m_rows.front();
    if (zero.size() != 1 || zero.front().j != 0)
        fail(source, zero.front().line, "j", "original value 0 must stay 0 (a cell without records stays empty)");
    return table;
}

const std::vector<PTableEntry>& PTable::row(std::int64_t i) const {
    return m_rows[static_cast<std::size_t>(std::clamp<std::int64_t>(i, 0, max_i()))];
}

std::int64_t PTable::perturb(std::int64_t count, double cell_key) const {
    const auto& entries = row(count);
    // First entry whose interval ends after the key: lower <= key < upper.
    const auto it = std::upper_bound(entries.begin(), entries.end(), cell_key,
                                     [](double key, const PTableEntry& e) { return key < e.upper; });
    const PTableEntry& chosen = it == entries.end() ? entries.back() : *it;
    return count + (chosen.j - chosen.i);
}

std::int64_t PTable::min_published() const {
    std::int64_t smallest = 0;
    for (const auto& entries : m_rows)
        for (const PTableEntry& e : entries)
            if (e.j > 0 && (smallest == 0 || e.j < smallest)) smallest = e.j;
    return smallest;
}

std::int64_t PTable::max_perturbation() const {
    std::int64_t largest = 0;
    for (const auto& entries : m_rows)
        for (const PTableEntry& e : entries) largest = std::max(largest, std::abs(e.j - e.i));
    return largest;
}

void PTable::write_csv(std::ostream& out) const {
    using table::ColumnKind;
    using table::format_number;
    out << "i,j,p,v,p_int_lb,p_int_ub,type\n";
    for (const auto& entries : m_rows)
        for (const PTableEntry& e : entries)
            out << e.i << ',' << e.j << ',' << format_number(e.p, ColumnKind::Real) << ',' << (e.j - e.i) << ','
                << format_number(e.lower, ColumnKind::Real) << ',' << format_number(e.upper, ColumnKind::Real) << ",all\n";
}

}  // namespace regio::indicators
