#include "regio/render/facets.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <optional>
#include <unordered_map>

namespace regio::render {
namespace {

std::optional<double> as_number(const std::string& s) {
    double v = 0;
    const char* begin = s.data();
    const char* end = s.data() + s.size();
    if (begin != end && *begin == '+') ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || ptr != end || begin == end || !std::isfinite(v)) return std::nullopt;
    return v;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            // Digit runs: compare as numbers (without leading zeros: longer is larger).
            std::size_t ei = i, ej = j;
            while (ei < a.size() && is_digit(a[ei])) ++ei;
            while (ej < b.size() && is_digit(b[ej])) ++ej;
            std::string_view da = a.substr(i, ei - i), db = b.substr(j, ej - j);
            while (da.size() > 1 && da.front() == '0') da.remove_prefix(1);
            while (db.size() > 1 && db.front() == '0') db.remove_prefix(1);
            if (da.size() != db.size()) return da.size() < db.size();
            if (da != db) return da < db;
            i = ei;
            j = ej;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
    return a < b;  // equal up to leading zeros: "01" before "1"
}

bool is_confidential_flag(std::string_view flag) {
    while (!flag.empty() && (flag.front() == ' ' || flag.front() == '\t')) flag.remove_prefix(1);
    while (!flag.empty() && (flag.back() == ' ' || flag.back() == '\t')) flag.remove_suffix(1);
    return flag == "suppressed" || flag == "c" || flag == "confidential";
}

void sort_facets(std::vector<std::string>& values) {
    std::vector<double> numbers;
    for (const auto& v : values)
        if (const auto n = as_number(v)) numbers.push_back(*n);
    if (numbers.size() == values.size()) {
        std::sort(values.begin(), values.end(), [](const std::string& a, const std::string& b) {
            const double x = *as_number(a), y = *as_number(b);
            return x != y ? x < y : a < b;
        });
    } else {
        std::sort(values.begin(), values.end(), [](const std::string& a, const std::string& b) { return natural_less(a, b); });
    }
}

PanelValues join_panels(const std::vector<std::string>& region_ids, const std::vector<TidyRow>& rows, const JoinSource& source) {
    const bool faceted = !source.facet_field.empty();
    PanelValues out;
    std::set<std::string> distinct;
    for (const auto& row : rows) {
        if (faceted && row.facet.empty())
            throw DataError("empty value of the facet column", Where{source.file, {}, row.line, {}, source.facet_field});
        distinct.insert(row.facet);
    }
    out.facets.assign(distinct.begin(), distinct.end());
    if (!faceted || out.facets.empty()) out.facets = {std::string()};
    sort_facets(out.facets);
    if (out.facets.size() > kMaxPanels)
        throw UsageError(fmt::format("--facet {} gives {} panels; at most {} fit on one map", source.facet_field, out.facets.size(), kMaxPanels),
                         Where{source.file, {}, {}, {}, source.facet_field}, "pick fewer values with --where");
    std::unordered_map<std::string, std::size_t> panel_of;
    for (std::size_t p = 0; p < out.facets.size(); ++p) panel_of.emplace(out.facets[p], p);
    std::unordered_map<std::string, std::size_t> region_of;
    for (std::size_t r = 0; r < region_ids.size(); ++r) region_of.emplace(region_ids[r], r);

    out.values.assign(out.facets.size(), std::vector<double>(region_ids.size(), std::numeric_limits<double>::quiet_NaN()));
    std::vector<std::vector<char>> seen(out.facets.size(), std::vector<char>(region_ids.size(), 0));
    out.confidential.assign(out.facets.size(), std::vector<char>(region_ids.size(), 0));
    std::unordered_map<std::string, std::size_t> unmatched_rows;  // (id, facet) -> count, to catch duplicates there too
    for (const auto& row : rows) {
        const std::size_t p = panel_of.at(row.facet);
        const auto r = region_of.find(row.id);
        const std::string key = row.id + '\x1f' + row.facet;
        const bool duplicate = r != region_of.end() ? seen[p][r->second] != 0 : unmatched_rows[key]++ > 0;
        if (duplicate)
            throw DataError(faceted ? fmt::format("duplicate row for id '{}' and {} '{}'", row.id, source.facet_field, row.facet)
                                    : fmt::format("duplicate id '{}'", row.id),
                            Where{source.file, {}, row.line, {}, source.id_field});
        if (r == region_of.end()) {
            ++out.unmatched;
            out.unmatched_ids.add(faceted ? row.id + " (" + row.facet + ")" : row.id);
            continue;
        }
        seen[p][r->second] = 1;
        out.values[p][r->second] = row.confidential ? std::numeric_limits<double>::quiet_NaN() : row.value;
        out.confidential[p][r->second] = row.confidential ? 1 : 0;
    }
    for (std::size_t p = 0; p < seen.size(); ++p)
        for (std::size_t r = 0; r < region_ids.size(); ++r)
            if (!seen[p][r]) {
                ++out.missing;
                out.missing_ids.add(faceted ? region_ids[r] + " (" + out.facets[p] + ")" : region_ids[r]);
            }
    return out;
}

void join_warnings(const PanelValues& panels, const JoinSource& source, std::vector<std::string>& warnings) {
    const std::size_t n = panels.missing;
    if (n && panels.facets.size() > 1)
        warnings.push_back(fmt::format("{} (region, {}) pair{} no row in {} (shown as no data in that panel): {}", n, source.facet_field,
                                       n == 1 ? " has" : "s have", source.file, table::format_ids(panels.missing_ids)));
    else if (n)
        warnings.push_back(fmt::format("{} region{} no row in {} (shown as no data): {}", n, n == 1 ? " has" : "s have", source.file,
                                       table::format_ids(panels.missing_ids)));
    if (panels.unmatched)
        warnings.push_back(fmt::format("{} row{} of {} match{} no region: {}", panels.unmatched, panels.unmatched == 1 ? "" : "s",
                                       source.file, panels.unmatched == 1 ? "es" : "", table::format_ids(panels.unmatched_ids)));
}

}  // namespace regio::render
