#pragma once
// The cell-key keys of a definitions file's [disclosure] table (issue #17):
//
//   method = "cell-key"            # or "suppression" (the default)
//   ptable = "ptable.csv"          # cellKey's CSV format, relative to the file; or
//   max_perturbation = 3           # D
//   variance = 2                   # V
//   min_published = 2              # js: no published value in (0, js)
//   p_stay = 0.5                   # optional
//   key_column = "cellkey_count_{group}"   # optional, the default
//   total_key_column = "cellkey_count"     # optional, the default
#include "regio/indicators/definitions.hpp"
#include "regio/indicators/toml_section.hpp"

namespace regio::indicators {

// Fills d.method and d.cell_key; ConfigError naming the key for a wrong value,
// parameters without method = "cell-key", or both ptable and parameters.
void read_cell_key_settings(const TomlSection& disclosure, Definitions& d);

}  // namespace regio::indicators
