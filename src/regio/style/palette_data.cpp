// Colour tables. Only values written out in ../shared/spec/choropleth.md §4
// are here ("5-class hex values, the authoritative Brewer RGB, converted";
// viridis(5) from R viridisLite). The spec names many more ColorBrewer
// schemes and class counts (3–9 / 3–11 / 3–12) but does not list their
// colours; they belong in this file once their values are recorded in the
// spec, taken from Brewer's tables (axismaps/colorbrewer) — never
// interpolated and never typed from memory.
#include "regio/style/palette_data.hpp"

namespace regio::style::detail {

const std::vector<SchemeData>& scheme_table() {
    static const std::vector<SchemeData> table{
        {"YlOrRd", PaletteKind::Sequential, "ColorBrewer (Brewer), spec §4",
         {{"#FFFFB2", "#FECC5C", "#FD8D3C", "#F03B20", "#BD0026"}}},
        {"Blues", PaletteKind::Sequential, "ColorBrewer (Brewer), spec §4",
         {{"#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"}}},
        {"RdBu", PaletteKind::Diverging, "ColorBrewer (Brewer), spec §4",
         {{"#CA0020", "#F4A582", "#F7F7F7", "#92C5DE", "#0571B0"}}},
        // viridisLite::viridis(5): sampled evenly from the 256-colour map;
        // other tools sample differently (#5DC963 for the 4th), spec §4.
        {"viridis", PaletteKind::Sequential, "viridisLite (R) viridis(5), spec §4",
         {{"#440154", "#3B528B", "#21908C", "#5DC863", "#FDE725"}}},
    };
    return table;
}

const std::vector<KnownScheme>& schemes_without_colours() {
    static const std::vector<KnownScheme> known{
        // Sequential ColorBrewer, 3–9 classes (spec §4).
        {"Greens", PaletteKind::Sequential}, {"Greys", PaletteKind::Sequential},
        {"Oranges", PaletteKind::Sequential}, {"Purples", PaletteKind::Sequential},
        {"Reds", PaletteKind::Sequential}, {"BuGn", PaletteKind::Sequential},
        {"BuPu", PaletteKind::Sequential}, {"GnBu", PaletteKind::Sequential},
        {"OrRd", PaletteKind::Sequential}, {"PuBu", PaletteKind::Sequential},
        {"PuBuGn", PaletteKind::Sequential}, {"PuRd", PaletteKind::Sequential},
        {"RdPu", PaletteKind::Sequential}, {"YlGn", PaletteKind::Sequential},
        {"YlGnBu", PaletteKind::Sequential}, {"YlOrBr", PaletteKind::Sequential},
        // Diverging ColorBrewer, 3–11 classes.
        {"BrBG", PaletteKind::Diverging}, {"PiYG", PaletteKind::Diverging},
        {"PRGn", PaletteKind::Diverging}, {"PuOr", PaletteKind::Diverging},
        {"RdGy", PaletteKind::Diverging}, {"RdYlBu", PaletteKind::Diverging},
        {"RdYlGn", PaletteKind::Diverging}, {"Spectral", PaletteKind::Diverging},
        // Qualitative ColorBrewer.
        {"Accent", PaletteKind::Qualitative}, {"Dark2", PaletteKind::Qualitative},
        {"Paired", PaletteKind::Qualitative}, {"Pastel1", PaletteKind::Qualitative},
        {"Pastel2", PaletteKind::Qualitative}, {"Set1", PaletteKind::Qualitative},
        {"Set2", PaletteKind::Qualitative}, {"Set3", PaletteKind::Qualitative},
        // The rest of the viridis family (matplotlib / viridisLite).
        {"magma", PaletteKind::Sequential}, {"inferno", PaletteKind::Sequential},
        {"plasma", PaletteKind::Sequential}, {"cividis", PaletteKind::Sequential},
    };
    return known;
}

}  // namespace regio::style::detail
