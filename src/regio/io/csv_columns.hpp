#pragma once
// Selected columns of a delimited-text table, read in one pass: text columns
// as strings, numeric columns as doubles. For large tables (a million grid
// cells) where CsvTable, which keeps every field as a string, is too heavy.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace regio::io {

// A column of texts in one buffer: a million 30-character grid codes take
// 30 MB instead of 80 MB of separately allocated strings.
class TextColumn {
public:
    void push_back(std::string_view text) {
        m_chars.append(text);
        m_ends.push_back(m_chars.size());
    }
    void reserve(std::size_t rows) { m_ends.reserve(rows); }
    [[nodiscard]] std::size_t size() const { return m_ends.size(); }
    [[nodiscard]] std::string_view operator[](std::size_t row) const {
        const std::size_t begin = row ? m_ends[row - 1] : 0;
        return std::string_view(m_chars).substr(begin, m_ends[row] - begin);
    }
    [[nodiscard]] std::vector<std::string> strings() const;
    static TextColumn from(const std::vector<std::string>& texts);

private:
    std::string m_chars;
    std::vector<std::size_t> m_ends;
};

struct CsvColumns {
    std::string path;
    std::vector<TextColumn> texts;                // one per text column asked for
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
