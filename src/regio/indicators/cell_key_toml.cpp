#include "regio/indicators/cell_key_toml.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace regio::indicators {
namespace {

std::int64_t whole(const TomlSection& s, const std::string& key) {
    const double v = s.number(key, 0);
    if (v != std::floor(v) || v > 1e6) s.fail("'" + key + "' must be a whole number", key);
    return static_cast<std::int64_t>(v);
}

bool has_ptable_keys(const TomlSection& s) {
    return std::any_of(kProtectionKeys.begin() + 1, kProtectionKeys.end(), [&](std::string_view key) { return s.has(std::string(key)); });
}

// The method and ptable keys of one table; what it does not set comes from
// `fallback`. `where` names the fallback in the error for a missing ptable.
Protection read_protection(const TomlSection& s, const Protection& fallback, const std::string& source, const std::string& where) {
    Protection out;
    const std::string method = s.text("method", false, std::string(method_name(fallback.method)));
    if (method == "cell-key") out.method = DisclosureMethod::CellKey;
    else if (method != "suppression") s.fail("method '" + method + "' is not \"suppression\" or \"cell-key\"", "method");
    const bool has_parameters = s.has("max_perturbation") || s.has("variance") || s.has("min_published") || s.has("p_stay");
    const bool has_file = s.has("ptable");
    if (out.method != DisclosureMethod::CellKey) {
        for (const std::string_view key : kProtectionKeys)
            if (key != "method" && s.has(std::string(key))) s.fail("'" + std::string(key) + "' needs method = \"cell-key\"", std::string(key));
        return out;
    }
    if (has_file && has_parameters) s.fail("give either ptable or its parameters, not both", "ptable");
    const bool inherited = fallback.method == DisclosureMethod::CellKey;
    if (!has_file && !has_parameters) {
        if (!inherited)
            s.fail("method \"cell-key\" needs ptable = \"FILE.csv\" or max_perturbation, variance and min_published" + where, "method");
        out.cell_key = fallback.cell_key;
    } else if (has_file) {
        // Relative to the definitions file, so that a definitions file and
        // its ptable travel together.
        const std::filesystem::path file = s.text("ptable", true);
        out.cell_key.ptable_file = (file.is_absolute() ? file : std::filesystem::path(source).parent_path() / file).string();
    } else {
        for (const char* key : {"max_perturbation", "variance", "min_published"})
            if (!s.has(key)) s.fail(std::string("missing key '") + key + "' of the ptable parameters", key);
        PTableParameters p;
        p.max_perturbation = whole(s, "max_perturbation");
        p.variance = s.number("variance", 0);
        p.min_published = whole(s, "min_published");
        if (s.has("p_stay")) p.p_stay = s.number("p_stay", 0);
        out.cell_key.parameters = p;
    }
    const CellKeySettings defaults = inherited ? fallback.cell_key : CellKeySettings{};
    out.cell_key.key_column = s.text("key_column", false, defaults.key_column);
    out.cell_key.total_key_column = s.text("total_key_column", false, defaults.total_key_column);
    return out;
}

}  // namespace

void read_cell_key_settings(const TomlSection& s, Definitions& d) {
    const Protection p = read_protection(s, Protection{}, d.source, "");
    d.method = p.method;
    d.cell_key = p.cell_key;
}

std::optional<Protection> read_indicator_protection(const TomlSection& s, const Protection& fallback, const std::string& source) {
    if (!s.has("method") && !has_ptable_keys(s)) return std::nullopt;
    return read_protection(s, fallback, source, " (here or in [disclosure])");
}

}  // namespace regio::indicators
