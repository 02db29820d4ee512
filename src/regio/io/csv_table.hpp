#pragma once
// A whole delimited-text table in memory, as text: for the small tables that
// steps exchange (crosswalks, indicator inputs), not for streaming points.
#include "regio/io/text_input.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace regio::io {

struct CsvTable {
    std::string path;
    char delimiter = ',';
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::int64_t> lines;  // 1-based line of each row, for messages

    // Index of a column; throws DataError listing the columns.
    [[nodiscard]] std::size_t column(const std::string& name) const;
    [[nodiscard]] bool has_column(const std::string& name) const;
    // The number at (row, column); empty cells are NaN; anything else that is
    // not a number is a DataError naming the line and column.
    [[nodiscard]] double number(std::size_t row, std::size_t column) const;
};

// Throws IoError (missing file, corrupt gzip), DataError (no header, a header
// that looks like data or repeats a name, ragged rows, quotes, invalid UTF-8).
// The file may be gzip-compressed; see TextOptions for delimiter and encoding.
CsvTable read_csv_table(const std::string& path, const TextOptions& options = {});

}  // namespace regio::io
