#pragma once
// The one way the library parses TOML (style files, indicator definitions,
// pipeline files): syntax errors become ConfigErrors naming the source and
// line, and no text reaches the undefined behaviour of toml++ 3.3 (the
// version Debian 12 ships).
//
// toml++ 3.3's is_non_ascii_horizontal_whitespace() runs into
// TOML_UNREACHABLE for the code points U+00A1..U+0499, U+2C8E..U+3087
// (except U+3000) and U+FC06..U+FEFE (upstream issues #190 and #295; fixed
// upstream after 3.3): Latin-1 letters such as ä or é among them. The parser
// asks that question of characters outside strings, after a backslash in
// multi-line strings, and inside bare values such as 0"ä (found by
// tests/fuzz: map_style, indicator_definitions, pipeline_toml). Rather than
// second-guess where toml++ asks, parse_toml hands it those code points as
// stand-ins from the private use plane 15 (U+F0000 + code point, which the
// function never asks about) and puts the originals back into the strings
// it returns and the messages it throws.
#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace regio {

// Parses TOML text. Throws ConfigError naming `source` and the line for
// syntax errors, for a key that holds one of those code points (no regio
// file has non-ASCII keys), and for text that holds characters of plane 15
// itself or escapes of them (\U000F....), which would be ambiguous.
toml::table parse_toml(std::string_view text, const std::string& source);

// Reads the file (IoError when it cannot be read), then parse_toml.
toml::table parse_toml_file(const std::string& path);

}  // namespace regio
