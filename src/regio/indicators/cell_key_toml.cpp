#include "regio/indicators/cell_key_toml.hpp"

#include <cmath>
#include <filesystem>

namespace regio::indicators {
namespace {

std::int64_t whole(const TomlSection& s, const std::string& key) {
    const double v = s.number(key, 0);
    if (v != std::floor(v) || v > 1e6) s.fail("'" + key + "' must be a whole number", key);
    return static_cast<std::int64_t>(v);
}

}  // namespace

void read_cell_key_settings(const TomlSection& s, Definitions& d) {
    const std::string method = s.text("method", false, "suppression");
    if (method == "cell-key") d.method = DisclosureMethod::CellKey;
    else if (method != "suppression") s.fail("method '" + method + "' is not \"suppression\" or \"cell-key\"", "method");
    const bool has_parameters = s.has("max_perturbation") || s.has("variance") || s.has("min_published") || s.has("p_stay");
    const bool has_file = s.has("ptable");
    if (d.method != DisclosureMethod::CellKey) {
        for (const char* key : {"ptable", "max_perturbation", "variance", "min_published", "p_stay", "key_column", "total_key_column"})
            if (s.has(key)) s.fail(std::string("'") + key + "' needs method = \"cell-key\"", key);
        return;
    }
    if (has_file && has_parameters) s.fail("give either ptable or its parameters, not both", "ptable");
    if (!has_file && !has_parameters)
        s.fail("method \"cell-key\" needs ptable = \"FILE.csv\" or max_perturbation, variance and min_published", "method");
    if (has_file) {
        // Relative to the definitions file, so that a definitions file and
        // its ptable travel together.
        const std::filesystem::path file = s.text("ptable", true);
        d.cell_key.ptable_file = (file.is_absolute() ? file : std::filesystem::path(d.source).parent_path() / file).string();
    } else {
        for (const char* key : {"max_perturbation", "variance", "min_published"})
            if (!s.has(key)) s.fail(std::string("missing key '") + key + "' of the ptable parameters", key);
        PTableParameters p;
        p.max_perturbation = whole(s, "max_perturbation");
        p.variance = s.number("variance", 0);
        p.min_published = whole(s, "min_published");
        if (s.has("p_stay")) p.p_stay = s.number("p_stay", 0);
        d.cell_key.parameters = p;
    }
    d.cell_key.key_column = s.text("key_column", false, d.cell_key.key_column);
    d.cell_key.total_key_column = s.text("total_key_column", false, d.cell_key.total_key_column);
}

}  // namespace regio::indicators
