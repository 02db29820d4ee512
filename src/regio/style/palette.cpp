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

// The scheme with colours called `name`; UsageError otherwise, saying
// whether the name is unknown or only lacks recorded colours.
const detail::SchemeData& find_scheme(const std::string& name) {
    for (const auto& s : detail::scheme_table())
        if (same_name(s.name, name)) return s;
    for (const auto& known : detail::schemes_without_colours())
        if (same_name(known.name, name))
            throw UsageError("palette '" + std::string(known.name) +
                                 "' is not available: its colours are not recorded in the choropleth spec (§4)",
                             {}, "available palettes: " + joined_names());
    throw UsageError("unknown palette '" + name + "'", {}, "available palettes: " + joined_names());
}

std::string joined_sizes(const std::vector<std::size_t>& sizes) {
    std::string out;
    for (std::size_t k : sizes) out += (out.empty() ? "" : ", ") + std::to_string(k);
    return out;
}

}  // namespace

std::vector<std::size_t> palette_sizes(const std::string& name) {
    std::vector<std::size_t> sizes;
    for (const auto& set : find_scheme(name).sets) sizes.push_back(set.size());
    return sizes;
}

std::vector<std::string> palette_colors(const std::string& name, std::size_t k, bool reverse) {
    const auto& scheme = find_scheme(name);
    for (const auto& set : scheme.sets) {
        if (set.size() != k) continue;
        std::vector<std::string> out(set.begin(), set.end());
        if (reverse) std::reverse(out.begin(), out.end());
        return out;
    }
    throw UsageError("palette '" + std::string(scheme.name) + "' has no " + std::to_string(k) + "-class colours", {},
                     "valid numbers of classes: " + joined_sizes(palette_sizes(name)));
}

PaletteKind kind_of(const std::string& name) {
    for (const auto& known : detail::schemes_without_colours())
        if (same_name(known.name, name)) return known.kind;
    return find_scheme(name).kind;
}

std::vector<std::string> palette_names() {
    std::vector<std::string> names;
    for (const auto& s : detail::scheme_table()) names.emplace_back(s.name);
    return names;
}

}  // namespace regio::style
