#pragma once
// The colour tables behind palette.hpp (../shared/spec/choropleth.md §4):
// ColorBrewer's per-class-count tables (palette_brewer_data.cpp), the
// 256-colour viridis family maps (palette_viridis_data.cpp) and the
// viridisLite sampling of those maps (palette_sampling.cpp).
#include "regio/style/palette.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace regio::style::detail {

// How a scheme's k colours are obtained.
enum class Storage {
    PerClassCount,  // one hand-picked list per class count: sets[k - kBrewerMinClasses]
    Prefix,         // the k-class set is the first k colours of sets[0] (ColorBrewer qualitative)
    Sampled,        // k colours sampled from `map` by viridisLite's method (sample_map)
};

// ColorBrewer tables start at 3 classes.
inline constexpr std::size_t kBrewerMinClasses = 3;
// A sampled map gives any k from 1 to its number of colours.
inline constexpr std::size_t kSampledMinClasses = 1;

struct SchemeData {
    std::string_view name;
    PaletteKind kind;
    Storage storage;
    std::string_view source;  // one line: where the colours come from
    // ColorBrewer's "blind" property: one digit per class count, from the
    // smallest ('1' safe, '2' uncertain, '0' not safe), or one digit for all.
    std::string_view blind;
    std::vector<std::vector<std::string_view>> sets;  // "#RRGGBB"; PerClassCount and Prefix
    std::string_view map;                             // Sampled: 256 colours as 1536 upper-case hex digits
};

// Every scheme, in a fixed order: sequential, diverging and qualitative
// ColorBrewer schemes as spec §4 lists them, then the viridis family.
[[nodiscard]] const std::vector<SchemeData>& scheme_table();

[[nodiscard]] std::vector<SchemeData> brewer_schemes();   // palette_brewer_data.cpp
[[nodiscard]] std::vector<SchemeData> viridis_schemes();  // palette_viridis_data.cpp

// k >= 1 colours, "#RRGGBB", sampled from `map` (6 hex digits per colour,
// at least 4 colours) as R's viridisLite does; palette_sampling.cpp.
[[nodiscard]] std::vector<std::string> sample_map(std::string_view map, std::size_t k);

}  // namespace regio::style::detail
