#include "regio/indicators/toml_section.hpp"

#include "regio/error.hpp"

#include <algorithm>

namespace regio::indicators {

void TomlSection::fail(const std::string& what, const std::string& key, const toml::source_region& at) const {
    Where w{m_source, {}, {}, {}, m_prefix + key};
    if (at.begin.line > 0) w.line = static_cast<std::int64_t>(at.begin.line);
    throw ConfigError(what + " in " + m_name, w);
}

void TomlSection::fail(const std::string& what, const std::string& key) const {
    const toml::node* n = m_table.get(key);
    fail(what, key, n ? n->source() : m_table.source());
}

void TomlSection::check_keys(std::initializer_list<std::string_view> known) const {
    for (const auto& [k, v] : m_table)
        if (std::find(known.begin(), known.end(), k.str()) == known.end())
            fail("unknown key '" + std::string(k.str()) + "'", std::string(k.str()), k.source());
}

std::string TomlSection::text(const std::string& key, bool required, std::string fallback) const {
    if (!has(key)) {
        if (required) fail("missing key '" + key + "'", key, m_table.source());
        return fallback;
    }
    const auto v = m_table[key].value<std::string>();
    if (!v || v->empty()) fail("'" + key + "' must be a non-empty string", key);
    return *v;
}

bool TomlSection::flag(const std::string& key, bool fallback) const {
    if (!has(key)) return fallback;
    const auto v = m_table[key].value_exact<bool>();  // value<bool>() would read 1 as true
    if (!v) fail("'" + key + "' must be true or false", key);
    return *v;
}

double TomlSection::number(const std::string& key, double fallback) const {
    if (!has(key)) return fallback;
    const auto v = m_table[key].value<double>();
    if (!v || !(*v >= 0) || *v > 1e300) fail("'" + key + "' must be a number >= 0", key);
    return *v;
}

std::vector<std::string> TomlSection::texts(const std::string& key, bool allow_string) const {
    if (!has(key)) return {};
    const toml::node& n = *m_table.get(key);
    if (allow_string && n.is_string()) return {text(key, true)};
    std::vector<std::string> out;
    const toml::array* a = n.as_array();
    if (a)
        for (const auto& e : *a)
            if (const auto v = e.value<std::string>(); v && !v->empty()) out.push_back(*v);
    if (!a || a->empty() || out.size() != a->size())
        fail("'" + key + "' must be " + (allow_string ? "a column name or " : "") + "a non-empty array of non-empty strings", key);
    return out;
}

}  // namespace regio::indicators
