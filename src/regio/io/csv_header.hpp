#pragma once
// The header row of a delimited-text input, read by the one rule every CSV
// reader shares: the delimiter named or detected, names as UTF-8 (transcoded
// or checked), and a header that cannot be one (numbers where names should
// be, the same name twice) an error naming file, line and columns.
#include "regio/io/text_input.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regio::io {

struct CsvHeader {
    char delimiter = ',';
    std::vector<std::string> columns;
};

// `record` is the header line without its terminator, at 1-based `line`.
CsvHeader parse_csv_header(std::string_view record, const TextOptions& options, const std::string& path,
                           std::int64_t line);

// Spreadsheets (Excel) may write "sep=;" as the line before the header to
// name the delimiter: that delimiter, for a line that is one.
std::optional<char> separator_line(std::string_view line);

// "tab" for '\t', "','" otherwise: for messages.
std::string delimiter_name(char delimiter);

// A hint for a missing column: when the header split into one column the
// delimiter was probably not detected.
std::string missing_column_hint(const std::vector<std::string>& columns, char delimiter);

}  // namespace regio::io
