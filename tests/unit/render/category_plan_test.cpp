// Categorical maps (issue #18 item 5): each value a class, in the style's
// order; the shipped DEGURBA styles carry the spec's codes
// (../shared/spec/degurba.md §3 Level 1: 1, 2, 3; §4.2 Level 2: 30, 23, 22,
// 21, 13, 12, 11).
#include "regio/error.hpp"
#include "regio/render/category_plan.hpp"
#include "regio/style/map_style.hpp"
#include "regio/style/palette.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <set>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace category_plan_test {

using namespace regio;
using Catch::Matchers::Contains;

namespace {

const double kNaN = std::nan("");

std::vector<std::string> values_of(const std::vector<style::StyleCategory>& categories) {
    std::vector<std::string> out;
    for (const auto& c : categories) out.push_back(c.value);
    return out;
}

}  // namespace

TEST_CASE("categories: the text of a value") {
    CHECK(render::category_value(30) == "30");
    CHECK(render::category_value(30.0) == "30");
    CHECK(render::category_value(-2) == "-2");
    CHECK(render::category_value(2.5) == "2.5");
    CHECK(render::category_value(0.1) == "0.1");
}

TEST_CASE("categories: a style's categories, in its order, all in the legend") {
    render::CategorySpec spec;
    spec.categories = {{"30", "Cities", "#FF0000"}, {"23", "Dense towns", "#732600"}, {"11", "Mostly uninhabited", "#CDF57A"}};
    spec.style = "deg.toml";
    const auto plan = render::plan_categories({{11, 30, kNaN, 30, 11, 11}}, spec, {{0, 0, 0, 0, 0, 1}});
    CHECK(plan.labels == std::vector<std::string>{"Cities", "Dense towns", "Mostly uninhabited"});
    CHECK(plan.colors == std::vector<std::string>{"#FF0000", "#732600", "#CDF57A"});
    CHECK(plan.category_values == std::vector<std::string>{"30", "23", "11"});
    CHECK(plan.classes.counts == std::vector<std::size_t>{2, 0, 2});  // an empty category stays in the legend
    CHECK(plan.region_class == std::vector<int>{2, 0, render::kNoDataClass, 0, 2, render::kConfidentialClass});
    CHECK(plan.nodata == 1);
    CHECK(plan.confidential == 1);
    CHECK(plan.classes.k() == 3);

    SECTION("labels from a field win over the style's") {
        spec.labels = {{"30", "Großstadt"}};
        const auto labelled = render::plan_categories({{30, 23}}, spec);
        CHECK(labelled.labels == std::vector<std::string>{"Großstadt", "Dense towns", "Mostly uninhabited"});
    }
}

TEST_CASE("categories: a value the style lacks is named") {
    render::CategorySpec spec;
    spec.categories = {{"1", "Cities", "#FF0000"}, {"2", "Towns", "#FFAA00"}};
    spec.style = "styles/degurba.toml";
    spec.source = Where{"units.csv", {}, {}, {}, "class"};
    try {
        (void)render::plan_categories({{1, 2, 4}}, spec);
        FAIL("no error");
    } catch (const DataError& e) {
        CHECK_THAT(e.message(), Contains("value 4 is not a category of the style styles/degurba.toml"));
        CHECK(e.where().file == "units.csv");
        CHECK(e.where().field == "class");
    }
    CHECK_THROWS_AS(render::plan_categories({{kNaN, kNaN}}, spec), DataError);
}

TEST_CASE("categories: without a style, the distinct values in natural order, from a qualitative palette") {
    render::CategorySpec spec;
    const auto plan = render::plan_categories({{10, 2, kNaN, 2, 1.5}}, spec);
    CHECK(plan.category_values == std::vector<std::string>{"1.5", "2", "10"});
    CHECK(plan.labels == plan.category_values);
    const auto set3 = style::palette_colors("Set3", 3);
    CHECK(plan.colors == set3);
    CHECK(plan.region_class == std::vector<int>{2, 1, render::kNoDataClass, 1, 0});

    SECTION("fewer values than the palette's smallest set: its first colours") {
        const auto two = render::plan_categories({{5, 7}}, spec);
        CHECK(two.colors == std::vector<std::string>{set3[0], set3[1]});
    }
    SECTION("more categories than colours is an error, unless a style gives them") {
        spec.palette = "Dark2";  // 8 colours at most
        std::vector<double> many;
        for (int v = 1; v <= 9; ++v) many.push_back(v);
        CHECK_THROWS_WITH(render::plan_categories({many}, spec), Contains("9 categories, but palette Dark2 has at most 8 colours"));
        CHECK_THROWS_AS(render::plan_categories({many}, spec), UsageError);
    }
}

TEST_CASE("categories: the shipped DEGURBA styles hold the spec's codes in the spec's order") {
    const std::filesystem::path dir = REGIO_STYLES;
    const auto level1 = style::load_map_style((dir / "degurba.toml").string());
    CHECK(values_of(level1.categories) == std::vector<std::string>{"1", "2", "3"});
    CHECK(level1.categories[0].label == "Cities");
    CHECK(level1.categories[1].label == "Towns and semi-dense areas");
    CHECK(level1.categories[2].label == "Rural areas");
    const auto level2 = style::load_map_style((dir / "degurba-level2.toml").string());
    CHECK(values_of(level2.categories) == std::vector<std::string>{"30", "23", "22", "21", "13", "12", "11"});
    std::vector<std::string> labels;
    for (const auto& c : level2.categories) labels.push_back(c.label);
    CHECK(labels == std::vector<std::string>{"Cities", "Dense towns", "Semi-dense towns", "Suburban or peri-urban areas", "Villages",
                                             "Dispersed rural areas", "Mostly uninhabited areas"});
    // Every category its own colour.
    std::set<std::string> colours;
    for (const auto& c : level2.categories) colours.insert(c.color);
    CHECK(colours.size() == 7);
}

}  // namespace category_plan_test
