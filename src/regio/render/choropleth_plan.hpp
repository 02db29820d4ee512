#pragma once
// From values to what a choropleth shows: classes (choropleth.md), a colour
// per class (sequential, or diverging around a centre), each region's class,
// and the legend labels. Shared by the SVG and the styled GeoPackage so both
// show the same classes and colours.
#include "regio/classify/classification.hpp"
#include "regio/classify/method.hpp"

#include <optional>
#include <string>
#include <vector>

namespace regio::render {

struct ClassSpec {
    classify::Method method = classify::Method::Quantile;
    std::size_t k = 5;
    classify::Options options;
    std::string palette;          // empty: YlOrRd, or RdBu with a centre
    bool reverse = false;
    std::optional<double> center;  // diverging around this value
};

struct ChoroplethPlan {
    classify::Classification classes;
    std::vector<std::string> colors;  // per class
    std::vector<std::string> labels;  // per class: "[min, b0]", "(b0, b1]", ...
    std::vector<int> region_class;    // per region: 0..k-1, or -1 for no data
    std::size_t nodata = 0;
};

// NaN values are no data. Throws DataError when no value is left to classify.
ChoroplethPlan plan_choropleth(const std::vector<double>& values, const ClassSpec& spec);

// Small multiples: one classification over the values of all panels, so
// every panel uses the same classes and colours and one legend counts the
// areas of all panels. region_class holds the panels one after the other
// ([p * regions + r]). When the palette lacks the number of classes the
// data give (ties), the UsageError says so.
ChoroplethPlan plan_panels(const std::vector<std::vector<double>>& panels, const ClassSpec& spec);

}  // namespace regio::render
