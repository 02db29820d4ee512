// Legend label styles, decimals and units (legend_labels.hpp; choropleth.md §1, §5.3).
#include "regio/error.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/legend_labels.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace legend_labels_test {

using namespace regio;
using render::LabelFormat;
using render::LabelStyle;
using Labels = std::vector<std::string>;

TEST_CASE("legend labels: the three styles on upper-inclusive classes", "[render][legend]") {
    const std::vector<double> bins{10, 20, 40, 100};
    CHECK(render::legend_labels(1.518, bins, {}).labels == Labels{"[1.518, 10]", "(10, 20]", "(20, 40]", "(40, 100]"});
    CHECK(render::legend_labels(1.518, bins, {LabelStyle::Range, {}, ""}).labels ==
          Labels{"1.518\u201310", "10\u201320", "20\u201340", "40\u2013100"});
    // Class 0 holds 10 itself, the last class starts above 40: "up to", "over".
    CHECK(render::legend_labels(1.518, bins, {LabelStyle::Threshold, {}, ""}).labels ==
          Labels{"up to 10", "10\u201320", "20\u201340", "over 40"});
}

TEST_CASE("legend labels: decimals and unit", "[render][legend]") {
    const std::vector<double> bins{10.25, 20.5, 40.125};
    CHECK(render::legend_labels(1.518, bins, {LabelStyle::Range, 1, "%"}).labels ==
          Labels{"1.5\u201310.3 %", "10.3\u201320.5 %", "20.5\u201340.1 %"});
    CHECK(render::legend_labels(1.518, bins, {LabelStyle::Threshold, 0, "per km\u00b2"}).labels ==
          Labels{"up to 10 per km\u00b2", "10\u201321 per km\u00b2", "over 21 per km\u00b2"});
    CHECK(render::legend_labels(1.518, bins, {LabelStyle::Range, 1, "%"}).warnings.empty());
}

TEST_CASE("legend labels: decimals that merge neighbouring bounds are reported", "[render][legend]") {
    const auto got = render::legend_labels(0, {1.001, 1.002}, {LabelStyle::Interval, 1, ""});
    CHECK(got.labels == Labels{"[0, 1]", "(1, 1]"});
    REQUIRE(got.warnings.size() == 1);
    CHECK(got.warnings[0] == "with 1 decimals some class bounds look equal in the legend; 3 would keep them apart");
    // By default the decimals grow until neighbours differ.
    CHECK(render::label_decimals(0, {1.001, 1.002}) == 3);
    CHECK(render::label_decimals(1, {2.8, 6.8, 16.2}) == 1);
    CHECK(render::label_decimals(0, {1.00001, 1.00002}) == 5);
}

TEST_CASE("legend labels: one class, and bad styles", "[render][legend]") {
    CHECK(render::legend_labels(5, {5}, {LabelStyle::Threshold, {}, ""}).labels == Labels{"5\u20135"});
    CHECK(render::parse_label_style("range", "--labels") == LabelStyle::Range);
    CHECK_THROWS_WITH(render::parse_label_style("intervals", "--labels"),
                      "--labels must be interval, range or threshold, not 'intervals'");
    CHECK_THROWS_AS(render::legend_labels(0, {1}, {LabelStyle::Range, 7, ""}), UsageError);
}

TEST_CASE("legend labels: the plan carries them and their warnings", "[render][legend]") {
    render::ClassSpec spec;
    spec.method = classify::Method::Manual;
    spec.options.manual_breaks = {1.001, 1.002, 3};
    spec.k = 3;
    spec.labels = {LabelStyle::Threshold, 1, "%"};
    const auto plan = render::plan_choropleth({0.5, 1.0015, 2.5}, spec);
    CHECK(plan.labels == Labels{"up to 1 %", "1\u20131 %", "over 1 %"});
    CHECK(std::count(plan.classes.warnings.begin(), plan.classes.warnings.end(),
                     "with 1 decimals some class bounds look equal in the legend; 3 would keep them apart") == 1);
}

}  // namespace legend_labels_test
