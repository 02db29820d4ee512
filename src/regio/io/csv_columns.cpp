#include "regio/io/csv_columns.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_format.hpp"

#include <algorithm>
#include <fstream>
#include <limits>

namespace regio::io {
namespace {

std::size_t column_of(const std::vector<std::string>& header, const std::string& name, const std::string& path) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it != header.end()) return static_cast<std::size_t>(it - header.begin());
    std::string list;
    for (const auto& c : header) list += (list.empty() ? "" : ", ") + c;
    throw DataError("no column '" + name + "' (columns: " + list + ")", Where{path, {}, 1});
}

}  // namespace

std::vector<std::string> TextColumn::strings() const {
    std::vector<std::string> out;
    out.reserve(size());
    for (std::size_t row = 0; row < size(); ++row) out.emplace_back((*this)[row]);
    return out;
}

TextColumn TextColumn::from(const std::vector<std::string>& texts) {
    TextColumn out;
    out.reserve(texts.size());
    for (const auto& t : texts) out.push_back(t);
    return out;
}

CsvColumns read_csv_columns(const std::string& path, const std::vector<std::string>& text_columns,
                            const std::vector<std::string>& numeric_columns) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("no such file", Where{path});
    in.seekg(0, std::ios::end);
    std::string text(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (!in) throw IoError("read failed", Where{path});
    std::string_view rest = strip_bom(text);
    CsvColumns out;
    // Room for every line up front: growing a million-row column by doubling
    // would hold up to twice its size (and fragment the heap with strings).
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    out.lines.reserve(lines);
    out.path = path;
    out.texts.resize(text_columns.size());
    out.numbers.resize(numeric_columns.size());
    std::vector<std::size_t> text_at, number_at;
    std::size_t width = 0;
    char delimiter = ',';
    bool header = true;
    std::int64_t line = 1;
    std::vector<std::string_view> fields;
    std::string scratch;
    while (!rest.empty()) {
        const std::size_t end = find_record_end(rest);
        std::string_view record = rest.substr(0, end);
        const std::int64_t at = line;
        line += 1 + std::count(record.begin(), record.end(), '\n');
        rest.remove_prefix(std::min(rest.size(), end + 1));
        if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
        if (record.empty()) continue;
        if (header) delimiter = detect_delimiter(record);
        if (!split_record(record, delimiter, fields, scratch)) throw DataError("unterminated quote", Where{path, {}, at});
        if (header) {
            const std::vector<std::string> names(fields.begin(), fields.end());
            width = names.size();
            for (const auto& c : text_columns) text_at.push_back(column_of(names, c, path));
            for (const auto& c : numeric_columns) number_at.push_back(column_of(names, c, path));
            for (auto& column : out.texts) column.reserve(lines);
            for (auto& column : out.numbers) column.reserve(lines);
            header = false;
            continue;
        }
        if (fields.size() != width)
            throw DataError("has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(width), Where{path, {}, at});
        for (std::size_t k = 0; k < text_at.size(); ++k) out.texts[k].push_back(fields[text_at[k]]);
        for (std::size_t k = 0; k < number_at.size(); ++k) {
            double value = 0;
            const NumberStatus s = parse_number(fields[number_at[k]], delimiter, value);
            if (s == NumberStatus::Empty) value = std::numeric_limits<double>::quiet_NaN();
            else if (s != NumberStatus::Ok)
                throw DataError(describe_number_problem(s, "value", fields[number_at[k]]), Where{path, {}, at, {}, numeric_columns[k]});
            out.numbers[k].push_back(value);
        }
        out.lines.push_back(at);
    }
    if (header) throw DataError("empty file: expected a header row", Where{path});
    return out;
}

}  // namespace regio::io
