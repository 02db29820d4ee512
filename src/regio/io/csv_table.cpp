#include "regio/io/csv_table.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_format.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

namespace regio::io {

bool CsvTable::has_column(const std::string& name) const {
    return std::find(columns.begin(), columns.end(), name) != columns.end();
}

std::size_t CsvTable::column(const std::string& name) const {
    const auto it = std::find(columns.begin(), columns.end(), name);
    if (it != columns.end()) return static_cast<std::size_t>(it - columns.begin());
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
    throw DataError("no column '" + name + "' (columns: " + list + ")", Where{path, {}, {}, {}, name});
}

double CsvTable::number(std::size_t row, std::size_t col) const {
    double value = 0;
    const std::string& text = rows[row][col];
    const NumberStatus s = parse_number(text, delimiter, value);
    if (s == NumberStatus::Empty) return std::numeric_limits<double>::quiet_NaN();
    if (s != NumberStatus::Ok)
        throw DataError(describe_number_problem(s, "value", text), Where{path, {}, lines[row], {}, columns[col]});
    return value;
}

CsvTable read_csv_table(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("no such file", Where{path});
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    std::string_view rest = strip_bom(text);
    CsvTable table;
    table.path = path;
    std::int64_t line = 1;
    std::vector<std::string_view> fields;
    std::string scratch;
    bool header = true;
    while (!rest.empty()) {
        const std::size_t end = find_record_end(rest);
        const std::string_view record = rest.substr(0, end);
        const std::int64_t at = line;
        line += 1 + std::count(record.begin(), record.end(), '\n');
        rest.remove_prefix(std::min(rest.size(), end + 1));
        if (record.empty() || record == "\r") continue;
        if (header) table.delimiter = detect_delimiter(record);
        if (!split_record(record, table.delimiter, fields, scratch)) throw DataError("unterminated quote", Where{path, {}, at});
        std::vector<std::string> row(fields.begin(), fields.end());
        if (header) {
            table.columns = std::move(row);
            header = false;
            continue;
        }
        if (row.size() != table.columns.size())
            throw DataError("has " + std::to_string(row.size()) + " fields, the header " + std::to_string(table.columns.size()),
                            Where{path, {}, at});
        table.rows.push_back(std::move(row));
        table.lines.push_back(at);
    }
    if (header) throw DataError("empty file: expected a header row", Where{path});
    return table;
}

}  // namespace regio::io
