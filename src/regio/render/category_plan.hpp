#pragma once
// A categorical map (issue #18 item 5): each distinct value is a class of
// its own, not a numeric interval. Labels come from a field (--label-field)
// or a style's categories; colours from the style's categories or, without
// them, a qualitative palette sized to the categories. Gives the same
// ChoroplethPlan as a classed map, so the SVG, the legend and the styled
// GeoPackage draw categories the same way.
#include "regio/error.hpp"
#include "regio/render/choropleth_plan.hpp"
#include "regio/style/style_categories.hpp"

#include <map>
#include <string>
#include <vector>

namespace regio::render {

struct CategorySpec {
    // A style's categories, in legend order; every one is shown, and a
    // value without a category is an error. Empty: the values' own
    // categories, in natural order, coloured from `palette`.
    std::vector<style::StyleCategory> categories;
    std::string style;                         // the style's file, for messages
    std::map<std::string, std::string> labels;  // value -> label (--label-field); wins over the style's labels
    std::string palette;                        // qualitative palette without style categories; empty: Set3
    Where source;                               // the values' file and field, for messages
};

// The text of a category value: integers without a decimal point ("30"),
// other numbers in their shortest exact form ("2.5").
std::string category_value(double value);

// NaN values are no data; confidential values (as plan_panels) are not
// classed. Throws DataError for a value the style has no category for
// (naming it), or when no value is left; UsageError when a palette has
// fewer colours than there are categories.
ChoroplethPlan plan_categories(const std::vector<std::vector<double>>& panels, const CategorySpec& spec,
                               const std::vector<std::vector<char>>& confidential = {});

}  // namespace regio::render
