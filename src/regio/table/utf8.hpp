#pragma once
// UTF-8 validity, shared by the readers (inputs are UTF-8 unless --encoding
// names another encoding) and the writers (the last line of defence: no output
// ever holds invalid UTF-8, which GDAL, SQLite and pandas readers reject).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace regio::table {

// Position of the first byte that does not start or continue a well-formed
// UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most
// U+10FFFF), or npos when the whole text is valid.
[[nodiscard]] std::size_t find_invalid_utf8(std::string_view text) noexcept;

[[nodiscard]] inline bool is_valid_utf8(std::string_view text) noexcept {
    return find_invalid_utf8(text) == std::string_view::npos;
}

// "invalid UTF-8 (byte 0xE9 after 'Gen')" for the byte at `pos`.
[[nodiscard]] std::string describe_invalid_utf8(std::string_view text, std::size_t pos);

// The text with every invalid byte written as \xNN: for quoting input text
// in messages and reports.
[[nodiscard]] std::string printable_utf8(std::string_view text);

}  // namespace regio::table
