#pragma once
// One table of an indicator definitions file, read with checks: every error
// is a ConfigError naming the file, the line and the key (e.g.
// "indicators.toml: line 12: field 'indicator.nmerator': unknown key ...").
// Only for the library's TOML readers: it exposes toml++ types.
#include <toml++/toml.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace regio::indicators {

class TomlSection {
public:
    // `name` is how messages call the table ("[groups]"), `key_prefix` is put
    // before keys in the field ("groups.").
    TomlSection(const std::string& source, const toml::table& table, std::string name, std::string key_prefix)
        : m_source(source), m_table(table), m_name(std::move(name)), m_prefix(std::move(key_prefix)) {}

    [[noreturn]] void fail(const std::string& what, const std::string& key, const toml::source_region& at) const;
    // At the key's value, or at the table when the key is absent.
    [[noreturn]] void fail(const std::string& what, const std::string& key) const;
    void check_keys(std::initializer_list<std::string_view> known) const;
    [[nodiscard]] bool has(const std::string& key) const { return m_table.contains(key); }
    // A non-empty string; `fallback` when absent and not required.
    [[nodiscard]] std::string text(const std::string& key, bool required, std::string fallback = {}) const;
    [[nodiscard]] bool flag(const std::string& key, bool fallback) const;
    // A finite number >= 0 (integer or float).
    [[nodiscard]] double number(const std::string& key, double fallback) const;
    // A non-empty array of non-empty strings, or with `allow_string` also one
    // string; empty when absent.
    [[nodiscard]] std::vector<std::string> texts(const std::string& key, bool allow_string) const;

private:
    const std::string& m_source;
    const toml::table& m_table;
    std::string m_name;
    std::string m_prefix;
};

}  // namespace regio::indicators
