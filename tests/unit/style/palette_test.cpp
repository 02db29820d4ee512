#include "regio/style/diverging.hpp"
#include "regio/style/palette.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

using namespace regio::style;
using regio::UsageError;
using Colours = std::vector<std::string>;

TEST_CASE("palette: 5-class colours as in spec §4") {
    CHECK(palette_colors("YlOrRd", 5, false) == Colours{"#FFFFB2", "#FECC5C", "#FD8D3C", "#F03B20", "#BD0026"});
    CHECK(palette_colors("Blues", 5, false) == Colours{"#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"});
    CHECK(palette_colors("RdBu", 5, false) == Colours{"#CA0020", "#F4A582", "#F7F7F7", "#92C5DE", "#0571B0"});
    CHECK(palette_colors("viridis", 5, false) == Colours{"#440154", "#3B528B", "#21908C", "#5DC863", "#FDE725"});
    CHECK(palette_colors("blues", 5, false) == palette_colors("Blues", 5, false));  // names are case-insensitive
}

TEST_CASE("palette: reverse") {
    CHECK(palette_colors("Blues", 5, true) == Colours{"#08519C", "#3182BD", "#6BAED6", "#BDD7E7", "#EFF3FF"});
}

TEST_CASE("palette: kinds and names") {
    CHECK(kind_of("Blues") == PaletteKind::Sequential);
    CHECK(kind_of("RdBu") == PaletteKind::Diverging);
    CHECK(kind_of("viridis") == PaletteKind::Sequential);
    CHECK(kind_of("Set2") == PaletteKind::Qualitative);  // known, though its colours are not recorded
    CHECK(palette_names() == Colours{"YlOrRd", "Blues", "RdBu", "viridis"});
    CHECK(palette_sizes("RdBu") == std::vector<std::size_t>{5});
    CHECK_THROWS_AS(kind_of("Rainbow"), UsageError);
}

TEST_CASE("palette: errors name what is valid") {
    try {
        (void)palette_colors("Blues", 12, false);
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find("12-class") != std::string::npos);
        CHECK(e.hint().find("5") != std::string::npos);
    }
    try {
        (void)palette_colors("Jet", 5, false);
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(e.hint().find("viridis") != std::string::npos);
    }
    // Named by the spec but without recorded colours: a clear refusal, not invented colours.
    CHECK_THROWS_AS(palette_colors("Greens", 5, false), UsageError);
    CHECK_THROWS_AS(palette_colors("magma", 5, false), UsageError);
}

TEST_CASE("palette: diverging split around the centre") {
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

TEST_CASE("palette: diverging colours put the neutral colour on the centre's class") {
    // Symmetric: the whole 5-class set.
    CHECK(diverging_colors("RdBu", {-2, -1, 1, 2, 3}, -3, 0) == palette_colors("RdBu", 5, false));
    // Two classes below, one above: the neutral (#F7F7F7) is the third colour.
    CHECK(diverging_colors("RdBu", {-2, -1, 1, 2}, -3, 0) == Colours{"#CA0020", "#F4A582", "#F7F7F7", "#92C5DE"});
    // One below, two above.
    CHECK(diverging_colors("RdBu", {-1, 1, 2, 3}, -3, 0) == Colours{"#F4A582", "#F7F7F7", "#92C5DE", "#0571B0"});
    // Reversed: the arms swap.
    CHECK(diverging_colors("RdBu", {-2, -1, 1, 2}, -3, 0, true) == Colours{"#0571B0", "#92C5DE", "#F7F7F7", "#F4A582"});
    // Too lopsided for the stored sets, or the centre on a bound (needs an even set): refused.
    CHECK_THROWS_AS(diverging_colors("RdBu", {-4, -3, -2, -1, 1}, -5, 0), UsageError);
    CHECK_THROWS_AS(diverging_colors("RdBu", {-1, 0, 1, 2}, -3, 0), UsageError);
    CHECK_THROWS_AS(diverging_colors("Blues", {-1, 1}, -3, 0), UsageError);  // not diverging
}
