// Small multiples: facet values in natural order, tidy rows joined into one
// panel per facet value, and one classification over all panels.
#include "regio/error.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/facets.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace facets_test {

using namespace regio;
using render::TidyRow;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();
}

TEST_CASE("facets: numbers sort numerically, text naturally") {
    std::vector<std::string> years{"2021", "2019", "2020.5", "-1", "+3", "10"};
    render::sort_facets(years);
    CHECK(years == std::vector<std::string>{"-1", "+3", "10", "2019", "2020.5", "2021"});
    std::vector<std::string> groups{"group 10", "group 2", "Group 1", "group 02", "group 2b", "b"};
    render::sort_facets(groups);
    CHECK(groups == std::vector<std::string>{"Group 1", "b", "group 02", "group 2", "group 2b", "group 10"});
    CHECK(render::natural_less("NUTS 9", "NUTS 10"));
    CHECK(!render::natural_less("NUTS 10", "NUTS 9"));
    CHECK(!render::natural_less("a", "a"));
}

TEST_CASE("facets: tidy rows become one panel per facet value") {
    const std::vector<std::string> regions{"A", "B", "C"};
    const std::vector<TidyRow> rows{{"A", "2020", 1, 2}, {"B", "2020", 2, 3}, {"C", "2020", kNaN, 4},
                                    {"A", "2019", 5, 5}, {"Z", "2019", 9, 6}, {"B", "2019", 6, 7}};
    const render::JoinSource source{"t.csv", "code", "year"};
    const auto panels = render::join_panels(regions, rows, source);
    CHECK(panels.facets == std::vector<std::string>{"2019", "2020"});
    REQUIRE(panels.values.size() == 2);
    CHECK(panels.values[0][0] == 5);
    CHECK(panels.values[0][1] == 6);
    CHECK(std::isnan(panels.values[0][2]));  // no row for C in 2019: no data in that panel only
    CHECK(panels.values[1][1] == 2);
    CHECK(std::isnan(panels.values[1][2]));  // an empty value
    CHECK(panels.missing == 1);
    CHECK(panels.unmatched == 1);
    std::vector<std::string> warnings;
    render::join_warnings(panels, source, warnings);
    // The ids are named (issue #18 item 2).
    CHECK(panels.missing_ids.first == std::vector<std::string>{"C (2019)"});
    CHECK(warnings == std::vector<std::string>{"1 (region, year) pair has no row in t.csv (shown as no data in that panel): C (2019)",
                                               "1 row of t.csv matches no region: Z (2019)"});

    SECTION("the same region twice in one facet is an error naming the line") {
        auto dup = rows;
        dup.push_back({"A", "2020", 7, 9});
        CHECK_THROWS_AS(render::join_panels(regions, dup, source), DataError);
        CHECK_THROWS_WITH(render::join_panels(regions, dup, source),
                          Catch::Contains("t.csv: line 9") && Catch::Contains("duplicate row for id 'A' and year '2020'"));
    }
    SECTION("without a facet column: one panel, duplicate ids named as before") {
        const std::vector<TidyRow> flat{{"A", "", 1, 2}, {"B", "", 2, 3}};
        const auto one = render::join_panels(regions, flat, {"t.csv", "code", ""});
        CHECK(one.facets == std::vector<std::string>{""});
        CHECK(one.missing == 1);
        CHECK_THROWS_WITH(render::join_panels(regions, {{"A", "", 1, 2}, {"A", "", 1, 3}}, {"t.csv", "code", ""}),
                          Catch::Contains("duplicate id 'A'"));
    }
    SECTION("an empty facet value and too many panels") {
        CHECK_THROWS_AS(render::join_panels(regions, {{"A", "", 1, 2}}, source), DataError);
        std::vector<TidyRow> many;
        for (int y = 0; y <= static_cast<int>(render::kMaxPanels); ++y) many.push_back({"A", std::to_string(y), 1, y + 2});
        CHECK_THROWS_AS(render::join_panels(regions, many, source), UsageError);
    }
}

TEST_CASE("facets: one classification and one legend over all panels") {
    // Two panels of five regions: quantiles of the ten values (one with no data).
    const std::vector<std::vector<double>> panels{{1, 2, 3, 5, 8}, {13, 21, 34, 55, kNaN}};
    render::ClassSpec spec;
    spec.k = 5;
    const auto plan = render::plan_panels(panels, spec);
    REQUIRE(plan.region_class.size() == 10);
    CHECK(plan.nodata == 1);
    std::size_t counted = 0;
    for (const auto c : plan.classes.counts) counted += c;
    CHECK(counted == 9);  // the counts are over both panels
    CHECK(plan.region_class[9] == -1);
    CHECK(plan.region_class[0] == 0);  // 1 is the lowest of all values
    CHECK(plan.region_class[8] == 4);  // 55 the highest
    // The same value gets the same class in every panel.
    const auto alone = render::plan_choropleth({1, 2, 3, 5, 8}, spec);
    CHECK(alone.region_class != std::vector<int>(plan.region_class.begin(), plan.region_class.begin() + 5));
}

}  // namespace facets_test
