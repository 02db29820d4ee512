#pragma once
// Selected columns of a delimited-text table, read in one pass: text columns
// as strings, numeric columns as doubles. For large tables (a million grid
// cells) where CsvTable, which keeps every field as a string, is too heavy.
#include <cstdint>
#include <string>
#include <vector>

namespace regio::io {

struct CsvColumns {
    std::string path;
    std::vector<std::vector<std::string>> texts;  // one per text column asked for
    std::vector<std::vector<double>> numbers;     // one per numeric column; NaN for an empty field
    std::vector<std::int64_t> lines;              // 1-based line of each row, for messages
};

// Throws IoError (missing file); DataError for no header, a column that is
// not in the header (listing the columns), ragged rows, unterminated quotes,
// and a numeric field that is not a number (naming line and column). The
// same format rules as read_csv_table: BOM, CRLF, blank lines, ',', ';' or
// tab, RFC 4180 quotes, decimal commas with ';'.
CsvColumns read_csv_columns(const std::string& path, const std::vector<std::string>& text_columns,
                            const std::vector<std::string>& numeric_columns);

}  // namespace regio::io
