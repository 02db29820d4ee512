#include "regio/indicators/ptable_csv.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_table.hpp"

#include <cmath>
#include <fmt/format.h>

namespace regio::indicators {
namespace {

std::int64_t whole_number(const io::CsvTable& csv, std::size_t row, std::size_t column) {
    const double v = csv.number(row, column);
    if (!std::isfinite(v) || v != std::floor(v) || std::abs(v) > 1e15)
        throw DataError(fmt::format("'{}' is not a whole number", csv.rows[row][column]),
                        Where{csv.path, {}, csv.lines[row], {}, csv.columns[column]});
    return static_cast<std::int64_t>(v);
}

}  // namespace

PTable read_ptable_csv(const std::string& path) {
    const io::CsvTable csv = io::read_csv_table(path);
    const std::size_t ci = csv.column("i"), cj = csv.column("j"), cp = csv.column("p");
    std::vector<PTableEntry> entries;
    entries.reserve(csv.rows.size());
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        PTableEntry e;
        e.i = whole_number(csv, r, ci);
        e.j = whole_number(csv, r, cj);
        e.p = csv.number(r, cp);
        e.line = csv.lines[r];
        entries.push_back(e);
    }
    return PTable::from_entries(std::move(entries), path);
}

}  // namespace regio::indicators
