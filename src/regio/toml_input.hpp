#pragma once
// The one way the library parses TOML (style files, indicator definitions,
// pipeline files): syntax errors become ConfigErrors naming the source and
// line, and text that would reach undefined behaviour in toml++ 3.3 (the
// version Debian 12 ships) is refused before toml++ sees it.
//
// toml++ 3.3's is_non_ascii_horizontal_whitespace() runs into
// TOML_UNREACHABLE for most code points in U+00A1..U+0499 and
// U+2C4E..U+3047 (upstream issues #190 and #295; fixed upstream after 3.3).
// The parser asks that question of every character outside strings and
// comments, of the character after a backslash in a multi-line basic string,
// and of the first character after a line-ending backslash there. Found by
// tests/fuzz (map_style, indicator_definitions, pipeline_toml).
#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace regio {

// Throws ConfigError for a non-ASCII character where toml++ would test it
// for whitespace: outside strings and comments (invalid TOML anyway; a
// leading UTF-8 byte order mark is fine; a quote inside a bare value such as
// 0"x does not open a string, nor does one after a '.' of a dotted key, which
// no regio file has), escaped in a multi-line basic
// string (an invalid escape anyway), or first on a line continued by a
// line-ending backslash in a multi-line basic string (valid TOML, but not
// safe with toml++ 3.3; the hint says how to write it).
void check_toml_text(std::string_view text, const std::string& source);

// check_toml_text, then toml++; parse errors become ConfigError at their line.
toml::table parse_toml(std::string_view text, const std::string& source);

// Reads the file (IoError when it cannot be read), then parse_toml.
toml::table parse_toml_file(const std::string& path);

}  // namespace regio
