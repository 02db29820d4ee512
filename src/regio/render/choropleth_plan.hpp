#pragma once
// From values to what a choropleth shows: classes (choropleth.md), a colour
// per class (sequential, or diverging around a centre), each region's class,
// and the legend labels. Shared by the SVG and the styled GeoPackage so both
// show the same classes and colours.
#include "regio/classify/classification.hpp"
#include "regio/classify/method.hpp"
#include "regio/render/legend_labels.hpp"

#include <functional>
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
    LabelFormat labels;            // legend label style, decimals and unit (legend_labels.hpp)
};

// region_class of areas without a class: no data (missing or empty value),
// and confidential (a suppressed value: drawn and counted apart, §5.2).
inline constexpr int kNoDataClass = -1;
inline constexpr int kConfidentialClass = -2;

struct ChoroplethPlan {
    classify::Classification classes;
    std::vector<std::string> colors;  // per class
    std::vector<std::string> labels;  // per class, as ClassSpec::labels asks: "[min, b0]", "(b0, b1]", ...
    std::vector<int> region_class;    // per region: 0..k-1, kNoDataClass or kConfidentialClass
    std::size_t nodata = 0;
    std::size_t confidential = 0;
    // A categorical map (category_plan.hpp): each class's value; empty for classed maps.
    std::vector<std::string> category_values;
};

// NaN values are no data; values whose `confidential` entry is non-zero
// (empty: none) are confidential and not classified, whatever they hold.
// Throws DataError when no value is left to classify.
ChoroplethPlan plan_choropleth(const std::vector<double>& values, const ClassSpec& spec, const std::vector<char>& confidential = {});

// Appends each value's class to plan.region_class: kConfidentialClass where
// `confidential` flags it (empty: none), kNoDataClass for NaN, else
// class_of(value); counts the confidential and no-data values. Shared by
// classed and categorical plans.
void assign_region_classes(ChoroplethPlan& plan, const std::vector<double>& values, const std::vector<char>& confidential,
                           const std::function<int(double)>& class_of);

// Small multiples: one classification over the values of all panels, so
// every panel uses the same classes and colours and one legend counts the
// areas of all panels. region_class holds the panels one after the other
// ([p * regions + r]). When the palette lacks the number of classes the
// data give (ties), the UsageError says so.
// `confidential` is [panel][region] as PanelValues has it (empty: none).
ChoroplethPlan plan_panels(const std::vector<std::vector<double>>& panels, const ClassSpec& spec,
                           const std::vector<std::vector<char>>& confidential = {});

}  // namespace regio::render
