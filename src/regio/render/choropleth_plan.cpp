#include "regio/render/choropleth_plan.hpp"

#include "regio/error.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/style/diverging.hpp"
#include "regio/style/palette.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace regio::render {

namespace {

bool flagged(const std::vector<char>& confidential, std::size_t i) { return i < confidential.size() && confidential[i] != 0; }

// The values to classify: confidential ones left out (NaN).
std::vector<double> publishable(const std::vector<double>& values, const std::vector<char>& confidential) {
    std::vector<double> out = values;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (flagged(confidential, i)) out[i] = std::numeric_limits<double>::quiet_NaN();
    return out;
}

}  // namespace

ChoroplethPlan plan_choropleth(const std::vector<double>& values, const ClassSpec& spec, const std::vector<char>& confidential) {
    ChoroplethPlan plan;
    plan.classes = classify::classify(publishable(values, confidential), spec.method, spec.k, spec.options);
    const auto& bins = plan.classes.bins;
    if (spec.center) {
        plan.colors = style::diverging_colors(spec.palette.empty() ? "RdBu" : spec.palette, bins, plan.classes.lowest, *spec.center,
                                              spec.reverse);
    } else if (bins.size() == 1) {
        // One class (a constant field, which classify gives as one class with
        // a note; or k = 1): the middle colour of the palette's smallest set,
        // as ColorBrewer's schemes start at 3 classes.
        const std::string name = spec.palette.empty() ? "YlOrRd" : spec.palette;
        const std::vector<std::string> smallest = style::palette_colors(name, style::palette_sizes(name).front(), spec.reverse);
        plan.colors = {smallest[smallest.size() / 2]};
    } else {
        plan.colors = style::palette_colors(spec.palette.empty() ? "YlOrRd" : spec.palette, bins.size(), spec.reverse);
    }
    LegendLabels labels = legend_labels(plan.classes.lowest, bins, spec.labels);
    plan.labels = std::move(labels.labels);
    for (auto& w : labels.warnings) plan.classes.warnings.push_back(std::move(w));
    plan.region_class.reserve(values.size());
    assign_region_classes(plan, values, confidential, [&](double v) { return static_cast<int>(classify::class_of(plan.classes, v)); });
    return plan;
}

void assign_region_classes(ChoroplethPlan& plan, const std::vector<double>& values, const std::vector<char>& confidential,
                           const std::function<int(double)>& class_of) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (flagged(confidential, i)) {
            plan.region_class.push_back(kConfidentialClass);
            ++plan.confidential;
        } else if (!std::isfinite(v)) {
            plan.region_class.push_back(kNoDataClass);
            ++plan.nodata;
        } else {
            plan.region_class.push_back(class_of(v));
        }
    }
}

ChoroplethPlan plan_panels(const std::vector<std::vector<double>>& panels, const ClassSpec& spec,
                           const std::vector<std::vector<char>>& confidential) {
    std::vector<double> values;
    std::vector<char> mask;
    for (std::size_t p = 0; p < panels.size(); ++p) {
        values.insert(values.end(), panels[p].begin(), panels[p].end());
        if (confidential.empty()) continue;
        for (std::size_t r = 0; r < panels[p].size(); ++r)
            mask.push_back(p < confidential.size() && r < confidential[p].size() ? confidential[p][r] : 0);
    }
    try {
        return plan_choropleth(values, spec, mask);
    } catch (const UsageError& e) {
        // Ties can leave fewer classes than asked for; say so, not just that
        // the palette lacks that size.
        const auto used = classify::classify(publishable(values, mask), spec.method, spec.k, spec.options).k();
        if (used != spec.k)
            throw UsageError(fmt::format("the data give {} classes, not {} (ties or duplicate bounds): {}", used, spec.k, e.message()),
                             e.where(), e.hint());
        throw;
    }
}

}  // namespace regio::render
