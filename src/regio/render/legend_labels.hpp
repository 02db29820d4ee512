#pragma once
// Legend labels of a classification, in the style a publication needs.
// Classes are upper-inclusive (choropleth.md §1: class 0 is [min, b0], class j
// is (b[j-1], b[j]]), and the wording of every style stays true to that:
//   interval   "[1.5, 10]", "(10, 20]", ... the bounds exactly as used (§5.3)
//   range      "1.5–10", "10–20", ...        (a planner's table style)
//   threshold  "up to 10", "10–20", ..., "over 40"  (open ends for the extremes)
// A unit is appended to every label ("10–20 %"). Bounds are rounded for
// display only: by default to the fewest decimals (up to 3, more where
// neighbours would collide); with fixed decimals, a collision is reported.
#include <optional>
#include <string>
#include <vector>

namespace regio::render {

enum class LabelStyle { Interval, Range, Threshold };

struct LabelFormat {
    LabelStyle style = LabelStyle::Interval;
    std::optional<int> decimals;  // at most this many decimals (0..6; trailing zeros dropped); default: as few as keep bounds exact and distinct
    std::string unit;             // e.g. "%" or "per km²"; empty: none
};

struct LegendLabels {
    std::vector<std::string> labels;    // one per class
    std::vector<std::string> warnings;  // e.g. fixed decimals that make neighbouring bounds look equal
};

// "interval", "range" or "threshold"; anything else is a UsageError naming `option`.
LabelStyle parse_label_style(const std::string& text, const std::string& option);

// The decimals that show every bound exactly (up to 3) and keep neighbours distinct (up to 6).
int label_decimals(double lowest, const std::vector<double>& bins);

LegendLabels legend_labels(double lowest, const std::vector<double>& bins, const LabelFormat& format);

}  // namespace regio::render
