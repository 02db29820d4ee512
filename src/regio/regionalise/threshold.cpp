#include "regio/regionalise/threshold.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <set>

namespace regio::regionalise {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

[[noreturn]] void bad(std::string_view text, const std::string& why) {
    throw UsageError("--threshold '" + std::string(text) + "': " + why, {},
                     "write COLUMN>=N, e.g. --threshold 'inhabitants>=1000' (quote it for the shell)");
}

}  // namespace

Threshold parse_threshold(std::string_view text) {
    // Only ">=": a publication rule is a minimum; "<", ">" or "=" would be a
    // different (and here meaningless) rule, so they are rejected, not guessed.
    const auto op = text.find(">=");
    if (op == std::string_view::npos) bad(text, "no '>='");
    const std::string_view column = trim(text.substr(0, op));
    const std::string_view number = trim(text.substr(op + 2));
    if (column.empty()) bad(text, "no column before '>='");
    if (number.empty()) bad(text, "no number after '>='");
    if (column.find_first_of("<>=") != std::string_view::npos) bad(text, "more than one comparison");
    double value = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc{} || end != number.data() + number.size() || !std::isfinite(value))
        bad(text, fmt::format("'{}' is not a number", number));
    return {std::string(column), value};
}

std::vector<Threshold> parse_thresholds(const std::vector<std::string>& texts) {
    if (texts.empty()) throw UsageError("name at least one --threshold COLUMN>=N");
    std::vector<Threshold> out;
    std::set<std::string> seen;
    for (const auto& t : texts) {
        out.push_back(parse_threshold(t));
        if (!seen.insert(out.back().column).second)
            throw UsageError("--threshold names column '" + out.back().column + "' twice");
    }
    return out;
}

std::string format_threshold(const Threshold& threshold) { return fmt::format("{}>={}", threshold.column, threshold.minimum); }

}  // namespace regio::regionalise
