#include "roff_text.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace regio::cli {
namespace {

// The code point of the UTF-8 sequence at text[i] (help texts are UTF-8);
// advances i past it.
char32_t next_code_point(const std::string& text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(k < text.size() ? text[k] : 0); };
    const unsigned char lead = byte(i);
    const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    char32_t code = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
    i += static_cast<std::size_t>(length);
    return code;
}

}  // namespace

std::string roff_text(const std::string& text) {
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(next_code_point(text, i)));
            line_start = false;
            continue;
        }
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
        line_start = c == '\n';
        ++i;
    }
    return out;
}

}  // namespace regio::cli
