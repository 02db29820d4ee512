#include "manual_markup.hpp"

#include "roff_text.hpp"

#include <algorithm>
#include <regex>
#include <sstream>

namespace regio::cli {
namespace {

std::size_t indent_of(const std::string& line) {
    const auto first = line.find_first_not_of(' ');
    return first == std::string::npos ? line.size() : first;
}

std::string stripped(const std::string& line) {
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    const auto last = line.find_last_not_of(' ');
    return line.substr(first, last - first + 1);
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// `code` and **bold** in bold, never hyphenated; everything else through roff_text.
std::string inline_roff(const std::string& text) {
    std::string out;
    std::string plain;
    // References to other pages, "regio-map(1)", in bold and never hyphenated, as man pages write them.
    static const std::regex page_reference(R"re(\b(regio(\\-[a-z]+)*)\(1\))re");
    const auto flush_plain = [&] {
        out += std::regex_replace(roff_text(plain), page_reference, "\\fB\\%$1\\fR(1)");
        plain.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const bool code = text[i] == '`';
        const bool bold = starts_with(text.substr(i), "**");
        const std::string mark = code ? "`" : bold ? "**" : "";
        const auto close = mark.empty() ? std::string::npos : text.find(mark, i + mark.size());
        if (close == std::string::npos) {
            plain += text[i++];
            continue;
        }
        flush_plain();
        // \% keeps roff from hyphenating a name or a value; a long list of
        // column names may still break after a comma (\:).
        std::string span = roff_text(text.substr(i + mark.size(), close - i - mark.size()));
        for (auto at = span.find(','); at != std::string::npos; at = span.find(',', at + 3)) span.insert(at + 1, "\\:");
        out += "\\fB\\%" + span + "\\fR";
        i = close + mark.size();
    }
    flush_plain();
    return out;
}

std::vector<std::string> table_cells(const std::string& row) {
    std::vector<std::string> cells;
    std::string cell;
    bool in_code = false;
    for (std::size_t i = 1; i < row.size(); ++i) {  // past the leading '|'
        const char c = row[i];
        if (c == '`') in_code = !in_code;
        if (c == '|' && !in_code) {
            cells.push_back(stripped(cell));
            cell.clear();
        } else {
            cell += c;
        }
    }
    return cells;
}

bool is_table_separator(const std::string& line) {
    return starts_with(line, "|") && line.find_first_not_of("|-: ") == std::string::npos;
}

// Walks the lines once, keeping the list depth so that items nest with
// .RS/.RE and a paragraph after a list returns to the margin.
class Converter {
public:
    std::vector<ManualSection> convert(const std::string& markup) {
        std::vector<std::string> lines;
        std::istringstream in(markup);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        m_sections.push_back({"DESCRIPTION", {}});
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string next = i + 1 < lines.size() ? lines[i + 1] : std::string();
            line(lines[i], next);
        }
        close_lists(-1);
        return m_sections;
    }

private:
    void emit(const std::string& text) { m_sections.back().roff += text + "\n"; }

    void close_lists(int level) {
        for (; m_level > level && m_level > 0; --m_level) emit(".RE");
        m_level = level < 0 ? -1 : m_level;
    }

    void line(const std::string& raw, const std::string& next) {
        const std::string text = stripped(raw);
        if (starts_with(text, "```")) return fence(raw);
        if (m_in_code) return emit(roff_text(raw.substr(std::min(m_code_indent, indent_of(raw)))));
        if (text.empty()) {
            m_break = true;
            return;
        }
        if (starts_with(raw, "#")) return heading(text);
        if (starts_with(text, "|")) return table_row(text, next);
        if (starts_with(text, "* ")) return item(raw, text);
        if (m_break) {
            if (m_level >= 0 && indent_of(raw) > 0) {
                // A further paragraph of the item its indent belongs to.
                close_lists(std::max(0, static_cast<int>(indent_of(raw) / 2) - 1));
                emit(".IP");
            } else {
                close_lists(-1);
                emit(".PP");
            }
        }
        m_break = false;
        emit(inline_roff(text));
    }

    void fence(const std::string& raw) {
        if (m_in_code) {
            emit(".fi\n.RE");
        } else {
            emit(".sp\n.RS 4\n.nf");
            m_code_indent = indent_of(raw);
        }
        m_in_code = !m_in_code;
        m_break = true;
    }

    void heading(const std::string& text) {
        close_lists(-1);
        m_break = true;
        if (starts_with(text, "## ")) return emit(".SS " + roff_text(text.substr(3)));
        m_sections.push_back({stripped(text.substr(1)), {}});
    }

    void table_row(const std::string& text, const std::string& next) {
        m_break = false;
        if (is_table_separator(text) || is_table_separator(stripped(next))) return;  // the rule and the header
        const auto cells = table_cells(text);
        if (cells.empty()) return;
        std::string rest;
        for (std::size_t c = 1; c < cells.size(); ++c) rest += (rest.empty() ? "" : "; ") + cells[c];
        // A term in `code` is bold already; a plain one is made bold.
        const std::string term = cells[0].find('`') != std::string::npos ? inline_roff(cells[0])
                                 : cells[0].empty()                      ? std::string("\\&")
                                                                         : "\\fB" + inline_roff(cells[0]) + "\\fR";
        emit(".TP\n" + term);
        emit(inline_roff(rest));
    }

    void item(const std::string& raw, const std::string& text) {
        const int level = static_cast<int>(indent_of(raw) / 2);
        if (m_level < 0) m_level = 0;
        for (; m_level < level; ++m_level) emit(".RS");
        close_lists(level);
        m_break = false;
        emit(".IP \\(bu 2");
        emit(inline_roff(text.substr(2)));
    }

    std::vector<ManualSection> m_sections;
    int m_level = -1;  // depth of the open list, -1 outside lists
    bool m_break = true;
    bool m_in_code = false;
    std::size_t m_code_indent = 0;
};

}  // namespace

std::vector<ManualSection> manual_sections(const std::string& markup) { return Converter().convert(markup); }

}  // namespace regio::cli
