#pragma once
// The colour tables behind palette.hpp, typed in from
// ../shared/spec/choropleth.md §4 and nowhere else.
#include "regio/style/palette.hpp"

#include <string_view>
#include <vector>

namespace regio::style::detail {

struct SchemeData {
    std::string_view name;
    PaletteKind kind;
    std::string_view source;
    std::vector<std::vector<std::string_view>> sets;  // one colour list per available k, ascending k
};

struct KnownScheme {
    std::string_view name;
    PaletteKind kind;
};

// Schemes with colours.
[[nodiscard]] const std::vector<SchemeData>& scheme_table();

// Schemes the spec names (§4) without giving their colours: known, so that
// kind_of() works and errors can say why they are unavailable, but with no
// colours, since colours must never be invented.
[[nodiscard]] const std::vector<KnownScheme>& schemes_without_colours();

}  // namespace regio::style::detail
