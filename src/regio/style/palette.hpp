#pragma once
// Colour schemes for choropleths (../shared/spec/choropleth.md §4):
// ColorBrewer (Cynthia Brewer) and viridis. ColorBrewer sets are hand-picked
// per class count, so they are stored as tables and never interpolated or
// resampled. Colours are "#RRGGBB", upper case, ordered from low to high
// values (light to dark for sequential schemes).
#include <cstddef>
#include <string>
#include <vector>

namespace regio::style {

enum class PaletteKind { Sequential, Diverging, Qualitative };

// The k colours of scheme `name` (matched case-insensitively), in reverse
// order when `reverse`. Throws UsageError for an unknown name (listing the
// available ones) or a k the scheme has no table for (listing the valid k).
[[nodiscard]] std::vector<std::string> palette_colors(const std::string& name, std::size_t k, bool reverse = false);

// The class counts `name` has colours for, ascending. Throws like palette_colors.
[[nodiscard]] std::vector<std::size_t> palette_sizes(const std::string& name);

// Sequential, diverging or qualitative. Known for every scheme the spec
// names, including those whose colours are not recorded; UsageError otherwise.
[[nodiscard]] PaletteKind kind_of(const std::string& name);

// The schemes with colours available, in a fixed order.
[[nodiscard]] std::vector<std::string> palette_names();

}  // namespace regio::style
