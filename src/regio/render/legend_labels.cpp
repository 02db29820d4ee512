#include "regio/render/legend_labels.hpp"

#include "regio/error.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/render/svg_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace regio::render {
namespace {

// The bounds that a legend shows: lowest and every upper bound, sorted, each once.
std::vector<double> legend_bounds(double lowest, const std::vector<double>& bins) {
    std::vector<double> all{lowest};
    all.insert(all.end(), bins.begin(), bins.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());  // equal bounds cannot be told apart anyway
    return all;
}

bool distinct_at(const std::vector<double>& bounds, int decimals) {
    std::set<std::string> seen;
    for (const double b : bounds)
        if (!seen.insert(format_fixed(b, decimals)).second) return false;
    return true;
}

std::string with_unit(std::string label, const std::string& unit) {
    if (unit.empty()) return label;
    return label + " " + unit;
}

}  // namespace

LabelStyle parse_label_style(const std::string& text, const std::string& option) {
    if (text == "interval") return LabelStyle::Interval;
    if (text == "range") return LabelStyle::Range;
    if (text == "threshold") return LabelStyle::Threshold;
    throw UsageError(option + " must be interval, range or threshold, not '" + text + "'");
}

int label_decimals(double lowest, const std::vector<double>& bins) {
    const std::vector<double> all = legend_bounds(lowest, bins);
    int decimals = 0;
    auto exact = [&](int d) {
        const double scale = std::pow(10.0, d);
        return std::all_of(all.begin(), all.end(), [&](double b) {
            return std::abs(std::round(b * scale) / scale - b) <= 1e-9 * std::max(1.0, std::abs(b));
        });
    };
    while (decimals < 3 && !exact(decimals)) ++decimals;
    while (decimals < 6 && !distinct_at(all, decimals)) ++decimals;
    return decimals;
}

LegendLabels legend_labels(double lowest, const std::vector<double>& bins, const LabelFormat& format) {
    LegendLabels out;
    int decimals = label_decimals(lowest, bins);
    if (format.decimals) {
        if (*format.decimals < 0 || *format.decimals > 6) throw UsageError("--decimals must be between 0 and 6");
        decimals = *format.decimals;
        // choropleth.md §5.3: never round so far that neighbouring labels collide.
        if (!distinct_at(legend_bounds(lowest, bins), decimals))
            out.warnings.push_back(fmt::format("with {} decimals some class bounds look equal in the legend; {} would keep them apart",
                                               decimals, std::max(decimals, label_decimals(lowest, bins))));
    }
    auto fixed = [&](double v) { return format_fixed(v, decimals); };
    const std::string dash = "\u2013";  // en dash, as in typeset ranges
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const double from = i == 0 ? lowest : bins[i - 1];
        std::string label;
        switch (format.style) {
            case LabelStyle::Interval:
                label = (i == 0 ? "[" : "(") + fixed(from) + ", " + fixed(bins[i]) + "]";
                break;
            case LabelStyle::Range:
                label = fixed(from) + dash + fixed(bins[i]);
                break;
            case LabelStyle::Threshold:
                // Open ends, worded for upper-inclusive classes: class 0 holds its
                // upper bound ("up to"), the last class starts above its lower one ("over").
                if (bins.size() == 1) label = fixed(from) + dash + fixed(bins[i]);
                else if (i == 0) label = "up to " + fixed(bins[i]);
                else if (i + 1 == bins.size()) label = "over " + fixed(from);
                else label = fixed(from) + dash + fixed(bins[i]);
                break;
        }
        out.labels.push_back(with_unit(std::move(label), format.unit));
    }
    return out;
}

std::vector<std::string> class_labels(double lowest, const std::vector<double>& bins) {
    return legend_labels(lowest, bins, LabelFormat{}).labels;
}

}  // namespace regio::render
