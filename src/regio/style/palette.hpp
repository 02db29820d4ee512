#pragma once
// Colour schemes for choropleths (../shared/spec/choropleth.md §4):
// ColorBrewer (Cynthia Brewer) and the viridis family. ColorBrewer sets are
// hand-picked per class count, so they are stored as tables and never
// interpolated or resampled; viridis, magma, inferno, plasma and cividis are
// 256-colour maps sampled for any k by R viridisLite's method. Colours are
// "#RRGGBB", upper case, ordered from low to high values (light to dark for
// sequential ColorBrewer schemes).
#include <cstddef>
#include <string>
#include <vector>

namespace regio::style {

enum class PaletteKind { Sequential, Diverging, Qualitative };

// ColorBrewer's colour-blind rating of a k-class set (its "blind" property:
// 1 safe, 2 uncertain, 0 not safe), ordered from best to worst. The viridis
// family is designed to be safe.
enum class ColourBlind { Safe, Uncertain, NotSafe };

// The k colours of scheme `name` (matched case-insensitively), in reverse
// order when `reverse`. Throws UsageError for an unknown name (listing the
// available ones) or a k the scheme has no colours for (listing the valid k).
[[nodiscard]] std::vector<std::string> palette_colors(const std::string& name, std::size_t k, bool reverse = false);

// The class counts `name` has colours for, ascending: 3…9 (sequential
// ColorBrewer), 3…11 (diverging), 3…8, 3…9 or 3…12 (qualitative), 1…256
// (viridis family). Throws like palette_colors.
[[nodiscard]] std::vector<std::size_t> palette_sizes(const std::string& name);

// Sequential, diverging or qualitative; UsageError for an unknown name.
[[nodiscard]] PaletteKind kind_of(const std::string& name);

// The colour-blind rating of `name` with k classes; throws like palette_colors.
[[nodiscard]] ColourBlind colour_blind_safe(const std::string& name, std::size_t k);

// One line saying where the colours of `name` come from (for legends and
// reports); throws like palette_sizes.
[[nodiscard]] std::string palette_source(const std::string& name);

// Every scheme, in a fixed order: sequential, diverging and qualitative
// ColorBrewer schemes, then viridis, magma, inferno, plasma, cividis.
[[nodiscard]] std::vector<std::string> palette_names();

}  // namespace regio::style
