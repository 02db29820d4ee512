#include "regio/style/diverging.hpp"
#include "regio/style/palette.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace palette_test {

using namespace regio::style;
using regio::UsageError;
using Colours = std::vector<std::string>;
using Sizes = std::vector<std::size_t>;

namespace {

// The schemes and class counts of ../shared/spec/choropleth.md §4.
const Colours kSequential{"Blues", "Greens", "Greys", "Oranges", "Purples", "Reds", "BuGn", "BuPu", "GnBu",
                          "OrRd",  "PuBu",   "PuBuGn", "PuRd",   "RdPu",    "YlGn", "YlGnBu", "YlOrBr", "YlOrRd"};
const Colours kDiverging{"BrBG", "PiYG", "PRGn", "PuOr", "RdBu", "RdGy", "RdYlBu", "RdYlGn", "Spectral"};
const std::vector<std::pair<std::string, std::size_t>> kQualitative{{"Accent", 8},  {"Dark2", 8},   {"Paired", 12}, {"Pastel1", 9},
                                                                    {"Pastel2", 8}, {"Set1", 9}, {"Set2", 8},    {"Set3", 12}};
const Colours kViridisFamily{"viridis", "magma", "inferno", "plasma", "cividis"};

Sizes range(std::size_t lo, std::size_t hi) {
    Sizes out;
    for (std::size_t k = lo; k <= hi; ++k) out.push_back(k);
    return out;
}

bool well_formed(const std::string& c) {
    return c.size() == 7 && c[0] == '#' &&
           std::all_of(c.begin() + 1, c.end(), [](char x) { return (x >= '0' && x <= '9') || (x >= 'A' && x <= 'F'); });
}

// WCAG relative luminance of "#RRGGBB" (sRGB transfer function, Rec. 709 weights).
double luminance(const std::string& c) {
    const auto channel = [&](std::size_t at) {
        const double v = std::stoi(c.substr(at, 2), nullptr, 16) / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

bool strictly_darker(const Colours& cs) {
    for (std::size_t i = 1; i < cs.size(); ++i)
        if (!(luminance(cs[i]) < luminance(cs[i - 1]))) return false;
    return true;
}

bool strictly_lighter(const Colours& cs) {
    for (std::size_t i = 1; i < cs.size(); ++i)
        if (!(luminance(cs[i]) > luminance(cs[i - 1]))) return false;
    return true;
}

bool distinct(const Colours& cs) { return std::set<std::string>(cs.begin(), cs.end()).size() == cs.size(); }

std::string hint_of(const std::string& name, std::size_t k) {
    try {
        (void)palette_colors(name, k);
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find(std::to_string(k) + "-class") != std::string::npos);
        return e.hint();
    }
    FAIL("no error for " << name << " with " << k << " classes");
    return {};
}

}  // namespace

TEST_CASE("palette: 5-class colours as in spec §4", "[palette]") {
    CHECK(palette_colors("YlOrRd", 5, false) == Colours{"#FFFFB2", "#FECC5C", "#FD8D3C", "#F03B20", "#BD0026"});
    CHECK(palette_colors("Blues", 5, false) == Colours{"#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"});
    CHECK(palette_colors("RdBu", 5, false) == Colours{"#CA0020", "#F4A582", "#F7F7F7", "#92C5DE", "#0571B0"});
    CHECK(palette_colors("viridis", 5, false) == Colours{"#440154", "#3B528B", "#21908C", "#5DC863", "#FDE725"});
    CHECK(palette_colors("blues", 5, false) == palette_colors("Blues", 5, false));  // names are case-insensitive
    CHECK(palette_colors("VIRIDIS", 5, false) == palette_colors("viridis", 5, false));
}

TEST_CASE("palette: YlOrRd-9 is Brewer's own set, not a resampling", "[palette]") {
    const Colours c = palette_colors("YlOrRd", 9);
    REQUIRE(c.size() == 9);
    CHECK(c.front() == "#FFFFCC");
    CHECK(c.back() == "#800026");
    // Hand-picked per class count: the 3-class set is not the ends and middle of the 5-class set.
    CHECK(palette_colors("YlOrRd", 3) == Colours{"#FFEDA0", "#FEB24C", "#F03B20"});
    CHECK(palette_colors("RdBu", 11).front() == "#67001F");
    CHECK(palette_colors("Paired", 12).back() == "#B15928");
    CHECK(palette_colors("Set3", 12).back() == "#FFED6F");
}

TEST_CASE("palette: every scheme's class counts as the spec lists them", "[palette]") {
    for (const auto& name : kSequential) {
        INFO(name);
        CHECK(kind_of(name) == PaletteKind::Sequential);
        CHECK(palette_sizes(name) == range(3, 9));
    }
    for (const auto& name : kDiverging) {
        INFO(name);
        CHECK(kind_of(name) == PaletteKind::Diverging);
        CHECK(palette_sizes(name) == range(3, 11));
    }
    for (const auto& [name, max] : kQualitative) {
        INFO(name);
        CHECK(kind_of(name) == PaletteKind::Qualitative);
        CHECK(palette_sizes(name) == range(3, max));
    }
    for (const auto& name : kViridisFamily) {
        INFO(name);
        CHECK(kind_of(name) == PaletteKind::Sequential);
        CHECK(palette_sizes(name) == range(1, 256));
    }
    Colours all = kSequential;
    all.insert(all.end(), kDiverging.begin(), kDiverging.end());
    for (const auto& q : kQualitative) all.push_back(q.first);
    all.insert(all.end(), kViridisFamily.begin(), kViridisFamily.end());
    CHECK(palette_names() == all);
    CHECK_THROWS_AS(kind_of("Rainbow"), UsageError);
}

TEST_CASE("palette: every ColorBrewer table is well formed", "[palette]") {
    for (const auto& name : palette_names()) {
        if (std::find(kViridisFamily.begin(), kViridisFamily.end(), name) != kViridisFamily.end()) continue;
        const PaletteKind kind = kind_of(name);
        for (std::size_t k : palette_sizes(name)) {
            INFO(name << " k=" << k);
            const Colours c = palette_colors(name, k);
            REQUIRE(c.size() == k);  // catches a row filed under the wrong class count
            CHECK(std::all_of(c.begin(), c.end(), well_formed));
            CHECK(distinct(c));
            if (kind == PaletteKind::Sequential) CHECK(strictly_darker(c));  // light (low) to dark (high)
            if (kind == PaletteKind::Diverging) {
                // Lightest in the middle, darker towards both ends.
                const std::size_t mid = k / 2;
                const Colours low(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(k % 2 == 1 ? mid + 1 : mid));
                const Colours high(c.begin() + static_cast<std::ptrdiff_t>(mid), c.end());
                CHECK(strictly_lighter(low));
                CHECK(strictly_darker(high));
            }
            if (kind == PaletteKind::Qualitative && k > 3) {
                const Colours smaller = palette_colors(name, k - 1);
                CHECK(Colours(c.begin(), c.end() - 1) == smaller);  // Brewer's qualitative sets nest
            }
            CHECK(palette_colors(name, k, true) == Colours(c.rbegin(), c.rend()));
        }
    }
}

TEST_CASE("palette: reverse", "[palette]") {
    CHECK(palette_colors("Blues", 5, true) == Colours{"#08519C", "#3182BD", "#6BAED6", "#BDD7E7", "#EFF3FF"});
    CHECK(palette_colors("viridis", 3, true) == Colours{"#FDE725", "#21908C", "#440154"});
}

TEST_CASE("palette: viridis family sampled as R viridisLite does", "[palette]") {
    // viridis(1) and viridis(2): the map's first colour, then both ends.
    CHECK(palette_colors("viridis", 1) == Colours{"#440154"});
    CHECK(palette_colors("viridis", 2) == Colours{"#440154", "#FDE725"});
    // R 4.2.2, viridisLite 0.4.1: viridis(7), magma(5), inferno(5), plasma(5).
    CHECK(palette_colors("viridis", 7) == Colours{"#440154", "#443A83", "#31688E", "#21908C", "#35B779", "#8FD744", "#FDE725"});
    CHECK(palette_colors("magma", 5) == Colours{"#000004", "#51127C", "#B63679", "#FB8861", "#FCFDBF"});
    CHECK(palette_colors("inferno", 5) == Colours{"#000004", "#56106E", "#BB3754", "#F98C0A", "#FCFFA4"});
    CHECK(palette_colors("plasma", 5) == Colours{"#0D0887", "#7E03A8", "#CC4678", "#F89441", "#F0F921"});
    // viridisLite's viridis(20).
    CHECK(palette_colors("viridis", 20) ==
          Colours{"#440154", "#481568", "#482677", "#453781", "#3F4788", "#39558C", "#32648E", "#2D718E", "#287D8E", "#238A8D",
                  "#1F968B", "#20A386", "#29AF7F", "#3CBC75", "#56C667", "#74D055", "#94D840", "#B8DE29", "#DCE318", "#FDE725"});
    // R's viridis(74)[2]: decided by the spline's "fmm" end conditions (a natural spline gives #45065A).
    CHECK(palette_colors("viridis", 74)[1] == "#450659");
    // cividis: matplotlib's map through the same method (R's colorRamp on that map).
    CHECK(palette_colors("cividis", 5) == Colours{"#00224E", "#434E6C", "#7C7C78", "#BBAD6D", "#FEE838"});

    for (const auto& name : kViridisFamily) {
        const Colours ends = palette_colors(name, 2);
        for (std::size_t k = 2; k <= 20; ++k) {
            INFO(name << " k=" << k);
            const Colours c = palette_colors(name, k);
            REQUIRE(c.size() == k);
            CHECK(std::all_of(c.begin(), c.end(), well_formed));
            CHECK(distinct(c));
            CHECK(strictly_lighter(c));  // dark (low) to light (high)
            CHECK(c.front() == ends.front());
            CHECK(c.back() == ends.back());
        }
    }
    CHECK(palette_colors("viridis", 256).size() == 256);
}

TEST_CASE("palette: colour-blind flags from ColorBrewer", "[palette]") {
    for (const auto& name : kSequential)
        for (std::size_t k : palette_sizes(name)) CHECK(colour_blind_safe(name, k) == ColourBlind::Safe);
    for (const auto& name : kViridisFamily) CHECK(colour_blind_safe(name, 7) == ColourBlind::Safe);
    for (const auto& name : {"BrBG", "PiYG", "PRGn", "PuOr", "RdBu", "RdYlBu"})
        for (std::size_t k : palette_sizes(name)) CHECK(colour_blind_safe(name, k) == ColourBlind::Safe);
    for (std::size_t k : palette_sizes("RdGy")) CHECK(colour_blind_safe("RdGy", k) == ColourBlind::Uncertain);
    for (const auto& name : {"RdYlGn", "Spectral"}) {
        INFO(name);
        for (std::size_t k = 3; k <= 5; ++k) CHECK(colour_blind_safe(name, k) == ColourBlind::Uncertain);
        for (std::size_t k = 6; k <= 11; ++k) CHECK(colour_blind_safe(name, k) == ColourBlind::NotSafe);
    }
    CHECK(colour_blind_safe("Dark2", 3) == ColourBlind::Safe);
    CHECK(colour_blind_safe("Dark2", 4) == ColourBlind::Uncertain);
    CHECK(colour_blind_safe("Set2", 3) == ColourBlind::Safe);
    CHECK(colour_blind_safe("Paired", 3) == ColourBlind::Safe);
    CHECK(colour_blind_safe("Paired", 4) == ColourBlind::Safe);
    CHECK(colour_blind_safe("Paired", 5) == ColourBlind::Uncertain);
    CHECK(colour_blind_safe("Paired", 12) == ColourBlind::NotSafe);
    // Only those four qualitative sets are safe; Accent, Set1, Set3 and the Pastels are at best uncertain.
    for (const auto& [name, max] : kQualitative)
        for (std::size_t k = 3; k <= max; ++k) {
            INFO(name << " k=" << k);
            const bool safe = (name == "Dark2" && k == 3) || (name == "Set2" && k == 3) || (name == "Paired" && k <= 4);
            CHECK((colour_blind_safe(name, k) == ColourBlind::Safe) == safe);
        }
    for (std::size_t k : palette_sizes("Set1")) CHECK(colour_blind_safe("Set1", k) != ColourBlind::Safe);
    CHECK_THROWS_AS(colour_blind_safe("Set1", 10), UsageError);
    CHECK_THROWS_AS(colour_blind_safe("Nope", 5), UsageError);
}

TEST_CASE("palette: sources", "[palette]") {
    CHECK(palette_source("YlOrRd").find("Brewer") != std::string::npos);
    CHECK(palette_source("viridis").find("viridisLite") != std::string::npos);
}

TEST_CASE("palette: errors name what is valid", "[palette]") {
    CHECK(hint_of("Blues", 12) == "valid numbers of classes: 3, 4, 5, 6, 7, 8, 9");
    CHECK(hint_of("Blues", 2) == "valid numbers of classes: 3, 4, 5, 6, 7, 8, 9");
    CHECK(hint_of("RdBu", 12) == "valid numbers of classes: 3, 4, 5, 6, 7, 8, 9, 10, 11");
    CHECK(hint_of("Set2", 9) == "valid numbers of classes: 3, 4, 5, 6, 7, 8");
    CHECK(hint_of("Paired", 13) == "valid numbers of classes: 3, 4, 5, 6, 7, 8, 9, 10, 11, 12");
    CHECK(hint_of("viridis", 0) == "valid numbers of classes: 1 to 256");
    CHECK(hint_of("magma", 257) == "valid numbers of classes: 1 to 256");
    try {
        (void)palette_colors("Jet", 5, false);
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "unknown palette 'Jet'");
        CHECK(e.hint().find("YlOrRd") != std::string::npos);
        CHECK(e.hint().find("Set3") != std::string::npos);
        CHECK(e.hint().find("cividis") != std::string::npos);
    }
    CHECK_THROWS_AS(palette_sizes("Jet"), UsageError);
}

TEST_CASE("palette: diverging split around the centre", "[palette]") {
    const std::vector<double> bins{-2, -1, 1, 2};
    auto s = split_at_centre(bins, -3, 0);  // 0 inside (-1, 1]
    CHECK(s.below == 2);
    CHECK(s.above == 1);
    CHECK(s.neutral == std::optional<std::size_t>{2});
    s = split_at_centre(bins, -3, 1);  // on a bound: the divide, no neutral class
    CHECK(s.below == 3);
    CHECK(s.above == 1);
    CHECK_FALSE(s.neutral);
    s = split_at_centre(bins, -3, 5);  // above everything
    CHECK(s.below == 4);
    CHECK(s.above == 0);
    s = split_at_centre(bins, -3, -3);  // on the lowest bound
    CHECK(s.below == 0);
    CHECK(s.above == 4);
    s = split_at_centre(bins, -3, -2.5);  // inside class 0
    CHECK(s.neutral == std::optional<std::size_t>{0});
}

TEST_CASE("palette: diverging colours put the neutral colour on the centre's class", "[palette]") {
    // Symmetric: the whole 5-class set.
    CHECK(diverging_colors("RdBu", {-2, -1, 1, 2, 3}, -3, 0) == palette_colors("RdBu", 5, false));
    // Two classes below, one above: the neutral (#F7F7F7) is the third colour.
    CHECK(diverging_colors("RdBu", {-2, -1, 1, 2}, -3, 0) == Colours{"#CA0020", "#F4A582", "#F7F7F7", "#92C5DE"});
    // One below, two above.
    CHECK(diverging_colors("RdBu", {-1, 1, 2, 3}, -3, 0) == Colours{"#F4A582", "#F7F7F7", "#92C5DE", "#0571B0"});
    // Reversed: the arms swap.
    CHECK(diverging_colors("RdBu", {-2, -1, 1, 2}, -3, 0, true) == Colours{"#0571B0", "#92C5DE", "#F7F7F7", "#F4A582"});
    // The centre on a bound: the even set, no neutral colour.
    CHECK(diverging_colors("RdBu", {-1, 0, 1, 2}, -3, 0) == palette_colors("RdBu", 4));
    // Four classes below a neutral one: the 9-class set's lower half and middle.
    CHECK(diverging_colors("RdBu", {-4, -3, -2, -1, 1}, -5, 0) ==
          Colours{"#B2182B", "#D6604D", "#F4A582", "#FDDBC7", "#F7F7F7"});
    // Five below a neutral class needs the 11-class set; six would need 13: refused.
    CHECK(diverging_colors("RdBu", {-5, -4, -3, -2, -1, 1}, -6, 0) ==
          Colours{"#67001F", "#B2182B", "#D6604D", "#F4A582", "#FDDBC7", "#F7F7F7"});
    CHECK_THROWS_AS(diverging_colors("RdBu", {-6, -5, -4, -3, -2, -1, 1}, -7, 0), UsageError);
    CHECK_THROWS_AS(diverging_colors("Blues", {-1, 1}, -3, 0), UsageError);  // not diverging
}

TEST_CASE("palette: every diverging scheme centres at every size 3 to 11", "[palette]") {
    for (const auto& name : kDiverging)
        for (std::size_t k = 3; k <= 11; ++k) {
            INFO(name << " k=" << k);
            // Classes placed symmetrically around 0: with odd k the middle
            // class holds 0; with even k, 0 is the middle bound.
            const std::size_t half = k / 2;
            std::vector<double> bins;
            for (std::size_t j = 0; j < k; ++j)
                bins.push_back(static_cast<double>(j) - static_cast<double>(half) + (k % 2 == 1 ? 0.5 : 1.0));
            const double lowest = bins.front() - 1.0;
            const Colours c = diverging_colors(name, bins, lowest, 0);
            CHECK(c == palette_colors(name, k));
            CHECK(diverging_colors(name, bins, lowest, 0, true) == palette_colors(name, k, true));
        }
}

}  // namespace palette_test
