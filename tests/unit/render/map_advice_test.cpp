// The good-practice warnings of choropleth.md §5.
#include "regio/render/map_advice.hpp"

#include <catch2/catch.hpp>

#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_advice_test {

using regio::render::ClassSpec;
using regio::render::map_advice;

namespace {

bool mentions(const std::vector<std::string>& advice, const std::string& text) {
    for (const auto& a : advice)
        if (a.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("map advice: counts, class counts, diverging palettes, colour-blind ratings") {
    ClassSpec spec;  // quantile, 5 classes, YlOrRd
    const std::vector<double> rates{0.5, 12.25, 33.0, 7.5, std::nan("")};
    CHECK(map_advice(rates, spec, 5, "rate").empty());

    const std::vector<double> counts{120, 4500, 38000, 999, std::nan("")};
    CHECK(mentions(map_advice(counts, spec, 5, "residents"), "values of 'residents' are whole numbers"));
    // Whole numbers that stay small (e.g. rounded percentages) or go negative are not taken for counts.
    CHECK(map_advice(std::vector<double>{3, 40, 97, 12}, spec, 5, "pct").empty());
    CHECK(map_advice(std::vector<double>{-3000, 4000, 12000}, spec, 5, "gap").empty());

    CHECK(mentions(map_advice(rates, spec, 3, "rate"), "3 classes: choropleths read best with 4 to 7"));
    CHECK(mentions(map_advice(rates, spec, 9, "rate"), "9 classes"));

    spec.palette = "RdBu";
    CHECK(mentions(map_advice(rates, spec, 5, "rate"), "'RdBu' is a diverging palette but no --center"));
    spec.center = 0.0;
    CHECK(map_advice(rates, spec, 5, "gap").empty());

    spec.palette = "RdYlGn";  // uncertain at 3-5, not safe from 6 (spec §4)
    CHECK(mentions(map_advice(rates, spec, 5, "gap"), "of uncertain use for colour-blind readers"));
    CHECK(mentions(map_advice(rates, spec, 6, "gap"), "not safe for colour-blind readers"));
    spec.center.reset();
    spec.palette = "viridis";
    CHECK(map_advice(rates, spec, 5, "rate").empty());
}

}  // namespace map_advice_test
