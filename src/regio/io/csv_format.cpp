#include "regio/io/csv_format.hpp"
#include "regio/table/utf8.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace regio::io {

char detect_delimiter(std::string_view header) {
    // Candidates in order of precedence on a tie.
    static constexpr char kCandidates[] = {',', ';', '\t', '|'};
    std::size_t counts[4] = {0, 0, 0, 0};
    bool quoted = false;
    for (const char c : header) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        for (std::size_t k = 0; k < 4; ++k) counts[k] += c == kCandidates[k];
    }
    std::size_t best = 0;
    for (std::size_t k = 1; k < 4; ++k)
        if (counts[k] > counts[best]) best = k;
    return kCandidates[best];
}

bool split_record(std::string_view record, char delimiter, std::vector<std::string_view>& fields,
                  std::string& scratch) {
    fields.clear();
    if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    if (std::memchr(record.data(), '"', record.size()) == nullptr) {
        // Fast path: no quotes anywhere in the record.
        std::size_t start = 0;
        while (true) {
            const auto* hit = static_cast<const char*>(
                std::memchr(record.data() + start, delimiter, record.size() - start));
            if (!hit) {
                fields.push_back(record.substr(start));
                return true;
            }
            const auto end = static_cast<std::size_t>(hit - record.data());
            fields.push_back(record.substr(start, end - start));
            start = end + 1;
        }
    }
    scratch.clear();
    scratch.reserve(record.size());  // views point into scratch: it must not grow
    const char* base = scratch.data();
    std::size_t i = 0;
    while (true) {
        const std::size_t field_start = scratch.size();
        if (i < record.size() && record[i] == '"') {
            ++i;
            bool closed = false;
            while (i < record.size()) {
                if (record[i] == '"') {
                    if (i + 1 < record.size() && record[i + 1] == '"') {
                        scratch.push_back('"');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                scratch.push_back(record[i++]);
            }
            if (!closed) return false;
            // Text after the closing quote up to the delimiter is kept as is.
            while (i < record.size() && record[i] != delimiter) scratch.push_back(record[i++]);
        } else {
            while (i < record.size() && record[i] != delimiter) scratch.push_back(record[i++]);
        }
        fields.emplace_back(base + field_start, scratch.size() - field_start);
        if (i >= record.size()) return true;
        ++i;  // the delimiter
    }
}

std::size_t find_record_end(std::string_view data) {
    bool quoted = false;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '"') quoted = !quoted;
        else if (c == '\n' && !quoted) return i;
    }
    return data.size();
}

NumberStatus parse_number(std::string_view text, char delimiter, double& out) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    if (text.empty()) return NumberStatus::Empty;
    const char* first = text.data();
    const char* last = first + text.size();
    if (*first == '+') ++first;  // fast_float, like from_chars, rejects a leading '+'
    auto result = fast_float::from_chars(first, last, out);
    if (result.ec != std::errc() || result.ptr != last) {
        const bool decimal_comma = delimiter == ';' && std::count(first, last, ',') == 1 &&
                                   std::count(first, last, '.') == 0 && last - first < 64;
        if (!decimal_comma) return NumberStatus::NotANumber;
        char buffer[64];
        std::copy(first, last, buffer);
        std::replace(buffer, buffer + (last - first), ',', '.');
        result = fast_float::from_chars(buffer, buffer + (last - first), out);
        if (result.ec != std::errc() || result.ptr != buffer + (last - first)) return NumberStatus::NotANumber;
    }
    return std::isfinite(out) ? NumberStatus::Ok : NumberStatus::NotFinite;
}

std::string describe_number_problem(NumberStatus status, std::string_view what, std::string_view text) {
    std::string out(what);
    switch (status) {
        case NumberStatus::Empty: return out + " is empty";
        case NumberStatus::NotANumber: return out + " '" + table::printable_utf8(text.substr(0, 40)) + "' is not a number";
        case NumberStatus::NotFinite: return out + " is not finite (" + table::printable_utf8(text.substr(0, 40)) + ")";
        case NumberStatus::Ok: break;
    }
    return out + " is fine";
}

std::string_view strip_bom(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return text;
}

}  // namespace regio::io
