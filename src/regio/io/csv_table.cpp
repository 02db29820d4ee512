#include "regio/io/csv_table.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_format.hpp"
#include "regio/io/csv_header.hpp"

#include <algorithm>
#include <limits>

namespace regio::io {

bool CsvTable::has_column(const std::string& name) const {
    return std::find(columns.begin(), columns.end(), name) != columns.end();
}

std::size_t CsvTable::column(const std::string& name) const {
    const auto it = std::find(columns.begin(), columns.end(), name);
    if (it != columns.end()) return static_cast<std::size_t>(it - columns.begin());
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
    throw DataError("no column '" + name + "' (columns: " + list + ")", Where{path, {}, {}, {}, name},
                    missing_column_hint(columns, delimiter));
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

CsvTable read_csv_table(const std::string& path, const TextOptions& options) {
    check_encoding(options.encoding);
    TextFile file(path);
    const std::string raw = file.read_all();
    if (raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF"))
        throw DataError("the file is UTF-16 (it starts with a UTF-16 byte order mark); tables are read as UTF-8", Where{path},
                        "convert it, e.g. iconv -f UTF-16 -t UTF-8");
    const std::string text = is_utf8_name(options.encoding) ? raw : recode_to_utf8(raw, options.encoding);
    std::string_view rest = strip_bom(text);
    CsvTable table;
    table.path = path;
    char delimiter = options.delimiter;
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
        if (const auto sep = header ? separator_line(record) : std::nullopt) {  // "sep=;" before the header
            if (!delimiter) delimiter = *sep;
            continue;
        }
        if (header) {
            CsvHeader parsed = parse_csv_header(record, TextOptions{delimiter, {}}, path, at);
            table.delimiter = parsed.delimiter;
            table.columns = std::move(parsed.columns);
            header = false;
            continue;
        }
        if (!split_record(record, table.delimiter, fields, scratch)) throw DataError("unterminated quote", Where{path, {}, at});
        if (fields.size() != table.columns.size())
            throw DataError("has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(table.columns.size()),
                            Where{path, {}, at});
        for (std::size_t c = 0; c < fields.size(); ++c) require_utf8(fields[c], Where{path, {}, at, {}, table.columns[c]});
        table.rows.emplace_back(fields.begin(), fields.end());
        table.lines.push_back(at);
    }
    if (header) throw DataError("empty file: expected a header row", Where{path});
    return table;
}

}  // namespace regio::io
