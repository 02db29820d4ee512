#include "regio/style/palette.hpp"

#include "regio/error.hpp"
#include "regio/style/palette_data.hpp"

#include <algorithm>
#include <cctype>

namespace regio::style {

namespace {

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string joined_names() {
    std::string out;
    for (const auto& s : detail::scheme_table()) out += (out.empty() ? "" : ", ") + std::string(s.name);
    return out;
}

const detail::SchemeData& find_scheme(const std::string& name) {
    for (const auto& s : detail::scheme_table())
        if (same_name(s.name, name)) return s;
    throw UsageError("unknown palette '" + name + "'", {}, "available palettes: " + joined_names());
}

struct SizeRange {
    std::size_t min = 0;
    std::size_t max = 0;
};

SizeRange sizes_of(const detail::SchemeData& s) {
    switch (s.storage) {
        case detail::Storage::PerClassCount: return {detail::kBrewerMinClasses, detail::kBrewerMinClasses + s.sets.size() - 1};
        case detail::Storage::Prefix: return {detail::kBrewerMinClasses, s.sets.front().size()};
        case detail::Storage::Sampled: return {detail::kSampledMinClasses, s.map.size() / 6};
    }
    return {};
}

// "3, 4, 5, 6, 7, 8, 9"; a long run as "1 to 256".
std::string joined_sizes(SizeRange r) {
    if (r.max - r.min + 1 > 12) return std::to_string(r.min) + " to " + std::to_string(r.max);
    std::string out;
    for (std::size_t k = r.min; k <= r.max; ++k) out += (out.empty() ? "" : ", ") + std::to_string(k);
    return out;
}

// The scheme, after checking that it has k-class colours.
const detail::SchemeData& find_scheme(const std::string& name, std::size_t k) {
    const auto& s = find_scheme(name);
    const SizeRange r = sizes_of(s);
    if (k < r.min || k > r.max)
        throw UsageError("palette '" + std::string(s.name) + "' has no " + std::to_string(k) + "-class colours", {},
                         "valid numbers of classes: " + joined_sizes(r));
    return s;
}

}  // namespace

std::vector<std::size_t> palette_sizes(const std::string& name) {
    const SizeRange r = sizes_of(find_scheme(name));
    std::vector<std::size_t> sizes;
    for (std::size_t k = r.min; k <= r.max; ++k) sizes.push_back(k);
    return sizes;
}

std::vector<std::string> palette_colors(const std::string& name, std::size_t k, bool reverse) {
    const auto& s = find_scheme(name, k);
    std::vector<std::string> out;
    switch (s.storage) {
        case detail::Storage::PerClassCount: {
            const auto& set = s.sets[k - detail::kBrewerMinClasses];
            out.assign(set.begin(), set.end());
            break;
        }
        case detail::Storage::Prefix:
            out.assign(s.sets.front().begin(), s.sets.front().begin() + static_cast<std::ptrdiff_t>(k));
            break;
        case detail::Storage::Sampled: out = detail::sample_map(s.map, k); break;
    }
    if (reverse) std::reverse(out.begin(), out.end());
    return out;
}

PaletteKind kind_of(const std::string& name) { return find_scheme(name).kind; }

ColourBlind colour_blind_safe(const std::string& name, std::size_t k) {
    const auto& s = find_scheme(name, k);
    const char flag = s.blind.size() == 1 ? s.blind.front() : s.blind.at(k - sizes_of(s).min);
    return flag == '1' ? ColourBlind::Safe : flag == '2' ? ColourBlind::Uncertain : ColourBlind::NotSafe;
}

std::string palette_source(const std::string& name) { return std::string(find_scheme(name).source); }

std::vector<std::string> palette_names() {
    std::vector<std::string> names;
    for (const auto& s : detail::scheme_table()) names.emplace_back(s.name);
    return names;
}

}  // namespace regio::style
