#include "regio/table/utf8.hpp"

#include <fmt/format.h>

namespace regio::table {

std::size_t find_invalid_utf8(std::string_view text) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII runs are the common case: skip eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t word = 0;
            for (int k = 0; k < 8; ++k) word |= static_cast<std::uint64_t>(s[i + static_cast<std::size_t>(k)]) << (8 * k);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) len = 3, lo = 0xA0;
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) len = 3, hi = 0x9F;  // no UTF-16 surrogates
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) len = 4, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) len = 4, hi = 0x8F;  // at most U+10FFFF
        else return i;
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string describe_invalid_utf8(std::string_view text, std::size_t pos) {
    std::size_t start = pos > 12 ? pos - 12 : 0;
    // Do not start the quoted context inside a multi-byte character, nor
    // before a line break (messages are one line).
    while (start < pos && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
    const std::size_t line_break = text.substr(start, pos - start).find_last_of("\r\n");
    if (line_break != std::string_view::npos) start += line_break + 1;
    const std::string_view before = text.substr(start, pos - start);
    std::string out = fmt::format("invalid UTF-8 (byte 0x{:02X}", static_cast<unsigned char>(text[pos]));
    if (!before.empty() && is_valid_utf8(before)) out += fmt::format(" after '{}'", before);
    return out + ")";
}

std::string printable_utf8(std::string_view text) {
    std::string out;
    while (true) {
        const std::size_t bad = find_invalid_utf8(text);
        if (bad == std::string_view::npos) return out.append(text);
        out.append(text.substr(0, bad));
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[bad]));
        text.remove_prefix(bad + 1);
    }
}

}  // namespace regio::table
