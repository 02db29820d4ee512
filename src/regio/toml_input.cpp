#include "regio/toml_input.hpp"

#include "regio/error.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace regio {
namespace {

constexpr char32_t kStandInBase = 0xF0000;  // private use plane 15
constexpr char32_t kStandInEnd = 0x100000;

// The code points that reach TOML_UNREACHABLE in toml++ 3.3 (its
// is_non_ascii_horizontal_whitespace: 0x3FA-wide blocks from U+00A0 whose
// bit in the mask 0x7FFFFFFFFFFFF75E is clear and which its switch misses).
bool unsafe_for_toml_3_3(char32_t c) {
    return (c >= 0xA1 && c <= 0x499) || (c >= 0x2C8E && c <= 0x3087 && c != 0x3000) || (c >= 0xFC06 && c <= 0xFEFE);
}

// Decodes one well-formed UTF-8 sequence at the start of `s` (no overlong
// forms, no surrogates); 0 bytes when there is none.
std::size_t decode_utf8(std::string_view s, char32_t& c) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(0);
    std::size_t length = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) { length = 2; c = b0 & 0x1F; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) { length = 3; c = b0 & 0x0F; }
    else if (b0 >= 0xF0 && b0 <= 0xF4) { length = 4; c = b0 & 0x07; }
    else return 0;
    if (s.size() < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return 0;
        c = (c << 6) | (byte(i) & 0x3F);
    }
    const bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
    if (overlong || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return 0;
    return length;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (c & 0x3F));
}

// `text` with every unsafe code point replaced by its stand-in, or with
// stand-ins replaced back (`to_stand_ins` false). Malformed UTF-8 is copied
// as it is: toml++ reports it.
std::string translate(std::string_view text, bool to_stand_ins) {
    std::string out;
    out.reserve(text.size() + text.size() / 2);
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = static_cast<unsigned char>(text[i]) < 0x80 ? 0 : decode_utf8(text.substr(i), c);
        if (length == 0) {
            out += text[i++];
            continue;
        }
        if (to_stand_ins && unsafe_for_toml_3_3(c)) append_utf8(out, kStandInBase + c);
        else if (!to_stand_ins && c >= kStandInBase && c < kStandInEnd) append_utf8(out, c - kStandInBase);
        else out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

bool has_stand_in(std::string_view text) {
    // Plane 15 in UTF-8 starts with F3 B0..F3 BF.
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) == 0xF3 && (static_cast<unsigned char>(text[i + 1]) & 0xF0) == 0xB0) return true;
    return false;
}

std::int64_t line_of(const toml::source_region& at) { return static_cast<std::int64_t>(at.begin.line); }

// Line of the first plane-15 character or \U000F escape in `text`, or 0.
std::int64_t line_of_plane_15(std::string_view text) {
    std::int64_t line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        const std::string_view rest = text.substr(i);
        if (has_stand_in(rest.substr(0, 2)) || rest.starts_with("\\U000F") || rest.starts_with("\\U000f")) return line;
    }
    return 0;
}

// Puts the original characters back into every string; keys with stand-ins
// are refused (restoring them would mean rebuilding tables and losing the
// source lines that messages cite).
void restore_strings(toml::node& node, const std::string& source) {
    if (auto* s = node.as_string()) {
        if (has_stand_in(s->get())) s->get() = translate(s->get(), false);
    } else if (auto* a = node.as_array()) {
        for (auto& element : *a) restore_strings(element, source);
    } else if (auto* t = node.as_table()) {
        for (auto&& [key, value] : *t) {
            if (has_stand_in(key.str()))
                throw ConfigError("unknown key '" + translate(key.str(), false) + "' (keys in regio files are plain ASCII)",
                                  Where{source, {}, line_of(key.source())});
            restore_strings(value, source);
        }
    }
}

}  // namespace

toml::table parse_toml(std::string_view text, const std::string& source) {
    if (const std::int64_t line = line_of_plane_15(text))
        throw ConfigError("a character of Unicode's private use plane 15 (U+F0000..U+FFFFF), which regio cannot read in TOML",
                          Where{source, {}, line});
    toml::table table;
    try {
        table = toml::parse(translate(text, true), source);
    } catch (const toml::parse_error& e) {
        throw ConfigError(translate(e.description(), false), Where{source, {}, line_of(e.source())});
    }
    restore_strings(table, source);
    return table;
}

toml::table parse_toml_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    if (in) buffer << in.rdbuf();
    if (!in || std::filesystem::is_directory(path)) throw IoError("cannot read the file", Where{path});
    return parse_toml(buffer.str(), path);
}

}  // namespace regio
