#include "regio/style/categories_toml.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <set>

namespace regio::style {

bool is_hex_colour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

std::vector<StyleCategory> parse_categories(const toml::node& node, const std::string& path) {
    auto line_of = [](const toml::node& n) { return static_cast<std::int64_t>(n.source().begin.line); };
    const auto* array = node.as_array();
    if (!array || array->empty())
        throw ConfigError("'categories' must be [[categories]] tables", Where{path, {}, line_of(node), {}, "categories"});
    std::vector<StyleCategory> out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string name = "categories[" + std::to_string(i + 1) + "]";
        const auto* t = (*array)[i].as_table();
        if (!t) throw ConfigError("'" + name + "' must be a table", Where{path, {}, line_of((*array)[i]), {}, "categories"});
        for (const auto& [key, value] : *t)
            if (key.str() != "value" && key.str() != "label" && key.str() != "color")
                throw ConfigError("unknown key '" + std::string(key.str()) + "' (a category has value, label and color)",
                                  Where{path, {}, static_cast<std::int64_t>(key.source().begin.line), {}, name + "." + std::string(key.str())});
        StyleCategory c;
        const toml::node_view<const toml::node> v = (*t)["value"];
        if (const auto s = v.value_exact<std::string>(); s && !s->empty()) c.value = *s;
        else if (const auto n = v.value_exact<std::int64_t>()) c.value = std::to_string(*n);
        else if (const auto d = v.value_exact<double>(); d && std::isfinite(*d)) c.value = fmt::format("{}", *d);
        else throw ConfigError("'" + name + ".value' must be a number or a non-empty string", Where{path, {}, line_of(*t), {}, name + ".value"});
        const auto label = (*t)["label"].value<std::string>();
        if (!label || label->empty())
            throw ConfigError("'" + name + ".label' must be a non-empty string", Where{path, {}, line_of(*t), {}, name + ".label"});
        c.label = *label;
        const auto color = (*t)["color"].value<std::string>();
        if (!color || !is_hex_colour(*color))
            throw ConfigError("'" + name + ".color' must be a colour #RRGGBB", Where{path, {}, line_of(*t), {}, name + ".color"});
        c.color = *color;
        if (!seen.insert(c.value).second)
            throw ConfigError("category value '" + c.value + "' is given twice", Where{path, {}, line_of(*t), {}, name + ".value"});
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace regio::style
