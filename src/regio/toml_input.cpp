#include "regio/toml_input.hpp"

#include "regio/error.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace regio {
namespace {

bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
bool is_toml_whitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// A left-to-right scan that knows just enough TOML lexing (comments and the
// four kinds of strings, TOML 1.0 §Comment and §String) to tell where a
// character stands. A quote opens a string only where TOML lets a key or a
// value start: after '=', ',', '{', a line break, or a '[' that stands there
// itself. Elsewhere (as in 0"x or 1."x) toml++ reads it as part of a bare
// value and keeps testing the characters after it, so they count as outside.
class TomlTextScan {
public:
    TomlTextScan(std::string_view text, const std::string& source) : m_text(text), m_source(source) {}

    void run() {
        if (m_text.starts_with("\xEF\xBB\xBF")) m_pos = 3;
        bool key_or_value_start = true;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '#') {
                skip_comment();
            } else if ((c == '"' || c == '\'') && key_or_value_start) {
                if (at("\"\"\"")) multi_line_basic_string();
                else if (at("\'\'\'")) multi_line_literal_string();
                else single_line_string(c);
                key_or_value_start = false;
            } else if (is_non_ascii(c)) {
                fail("a non-ASCII character outside a quoted string or comment",
                     "TOML allows other characters only in strings and comments; quote the key or value");
            } else {
                if (c == '=' || c == ',' || c == '{' || c == '\n') key_or_value_start = true;
                else if (c != ' ' && c != '\t' && c != '[') key_or_value_start = false;
                advance();
            }
        }
    }

private:
    [[nodiscard]] bool at(std::string_view s) const { return m_text.substr(m_pos).starts_with(s); }
    void advance() {
        if (m_text[m_pos] == '\n') ++m_line;
        ++m_pos;
    }
    [[noreturn]] void fail(const std::string& what, const std::string& hint) const {
        throw ConfigError(what, Where{m_source, {}, m_line}, hint);
    }
    void skip_comment() {
        while (m_pos < m_text.size() && m_text[m_pos] != '\n') advance();
    }
    // "..." or '...': ends at the closing quote or, unterminated, at the line end.
    void single_line_string(char quote) {
        advance();
        while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
            const char c = m_text[m_pos];
            advance();
            if (c == quote) return;
            if (c == '\\' && quote == '"' && m_pos < m_text.size() && m_text[m_pos] != '\n') advance();
        }
    }
    // Closing delimiter plus up to two more quotes, which belong to the string.
    void close_multi_line(char quote) {
        for (int i = 0; i < 3; ++i) advance();
        for (int i = 0; i < 2 && m_pos < m_text.size() && m_text[m_pos] == quote; ++i) advance();
    }
    void multi_line_literal_string() {
        for (int i = 0; i < 3; ++i) advance();
        while (m_pos < m_text.size() && !at("'''")) advance();
        if (m_pos < m_text.size()) close_multi_line('\'');
    }
    void multi_line_basic_string() {
        for (int i = 0; i < 3; ++i) advance();
        while (m_pos < m_text.size() && !at("\"\"\"")) {
            if (m_text[m_pos] != '\\') {
                advance();
                continue;
            }
            advance();
            if (m_pos >= m_text.size()) return;
            if (is_non_ascii(m_text[m_pos]))
                fail("a backslash before a non-ASCII character in a multi-line string (not a TOML escape)",
                     "write the character without the backslash");
            if (!is_toml_whitespace(m_text[m_pos])) {
                advance();  // an escape such as \" or \n
                continue;
            }
            // A line-ending backslash: the whitespace and line breaks after it are skipped.
            while (m_pos < m_text.size() && is_toml_whitespace(m_text[m_pos])) advance();
            if (m_pos < m_text.size() && is_non_ascii(m_text[m_pos]))
                fail("a line continued by a line-ending backslash starts with a non-ASCII character, which the TOML library "
                     "(toml++ 3.3) cannot read safely",
                     "end the previous line without the backslash, or start this line with an ASCII character");
        }
        if (m_pos < m_text.size()) close_multi_line('"');
    }

    std::string_view m_text;
    const std::string& m_source;
    std::size_t m_pos = 0;
    std::int64_t m_line = 1;
};

}  // namespace

void check_toml_text(std::string_view text, const std::string& source) { TomlTextScan(text, source).run(); }

toml::table parse_toml(std::string_view text, const std::string& source) {
    check_toml_text(text, source);
    try {
        return toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw ConfigError(std::string(e.description()), Where{source, {}, static_cast<std::int64_t>(e.source().begin.line)});
    }
}

toml::table parse_toml_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    if (in) buffer << in.rdbuf();
    if (!in || std::filesystem::is_directory(path)) throw IoError("cannot read the file", Where{path});
    return parse_toml(buffer.str(), path);
}

}  // namespace regio
