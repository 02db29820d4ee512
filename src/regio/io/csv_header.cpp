#include "regio/io/csv_header.hpp"

#include "regio/io/csv_format.hpp"

#include <fmt/format.h>

#include <unordered_map>

namespace regio::io {

std::optional<char> separator_line(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() != 5 || !line.starts_with("sep=")) return std::nullopt;
    return line[4];
}

std::string delimiter_name(char delimiter) {
    return delimiter == '\t' ? std::string("tab") : fmt::format("'{}'", delimiter);
}

std::string missing_column_hint(const std::vector<std::string>& columns, char delimiter) {
    if (columns.size() != 1) return {};
    return fmt::format("the header has one column when split at {}; name the delimiter with --delimiter",
                       delimiter_name(delimiter));
}

CsvHeader parse_csv_header(std::string_view record, const TextOptions& options, const std::string& path,
                           std::int64_t line) {
    CsvHeader header;
    // Transcode before splitting: delimiters and quotes are ASCII in every
    // encoding check_encoding accepts.
    const std::string text = is_utf8_name(options.encoding) ? std::string(record) : recode_to_utf8(record, options.encoding);
    header.delimiter = options.delimiter ? options.delimiter : detect_delimiter(text);
    std::vector<std::string_view> names;
    std::string scratch;
    if (!split_record(text, header.delimiter, names, scratch))
        throw DataError("unterminated quote in the header", Where{path, {}, line});
    for (std::size_t i = 0; i < names.size(); ++i) {
        require_utf8(names[i], Where{path, {}, line, {}, fmt::format("header column {}", i + 1)});
        header.columns.emplace_back(names[i]);
    }
    // A file without a header row would otherwise lose its first record and
    // have its columns named by values (spec: tables are tidy with a header).
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        double value = 0;
        if (parse_number(header.columns[i], header.delimiter, value) == NumberStatus::Ok)
            throw DataError(fmt::format("the first line looks like data, not a header: column {} is the number '{}' "
                                        "where a column name should be",
                                        i + 1, header.columns[i]),
                            Where{path, {}, line}, "the first line must name the columns; add a header row");
    }
    // A second column of the same name used to be shadowed by the first.
    std::unordered_map<std::string_view, std::size_t> first_of;
    for (std::size_t j = 0; j < header.columns.size(); ++j) {
        const auto [it, fresh] = first_of.try_emplace(header.columns[j], j);
        if (!fresh)
            throw DataError(fmt::format("columns {} and {} are both named '{}'", it->second + 1, j + 1, header.columns[j]),
                            Where{path, {}, line, {}, header.columns[j]}, "rename one of them");
    }
    return header;
}

}  // namespace regio::io
