#pragma once
// The cell-key keys of a definitions file (issue #17), in its [disclosure]
// table (the default for every indicator) or in one [[indicator]] (its own
// choice, e.g. one indicator suppressed, another perturbed):
//
//   method = "cell-key"            # or "suppression" (the default)
//   ptable = "ptable.csv"          # cellKey's CSV format, relative to the file; or
//   max_perturbation = 3           # D
//   variance = 2                   # V
//   min_published = 2              # js: no published value in (0, js)
//   p_stay = 0.5                   # optional
//   key_column = "cellkey_count_{group}"   # optional, the default
//   total_key_column = "cellkey_count"     # optional, the default
//
// An indicator with method = "cell-key" and no ptable keys of its own uses
// the [disclosure] ptable (when that table's method is "cell-key").
#include "regio/indicators/definitions.hpp"
#include "regio/indicators/toml_section.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace regio::indicators {

// The keys above, for check_keys().
inline constexpr std::array<std::string_view, 8> kProtectionKeys = {
    "method", "ptable", "max_perturbation", "variance", "min_published", "p_stay", "key_column", "total_key_column"};

// Fills d.method and d.cell_key from [disclosure]; ConfigError naming the key
// for a wrong value, parameters without method = "cell-key", or both ptable
// and parameters.
void read_cell_key_settings(const TomlSection& disclosure, Definitions& d);

// An [[indicator]]'s own protection, or nullopt when it sets none of the
// keys; `fallback` is the [disclosure] default. The same errors, and one for
// method = "cell-key" with no ptable here or in [disclosure].
std::optional<Protection> read_indicator_protection(const TomlSection& indicator, const Protection& fallback,
                                                    const std::string& definitions_source);

}  // namespace regio::indicators
