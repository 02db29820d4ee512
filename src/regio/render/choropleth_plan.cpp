#include "regio/render/choropleth_plan.hpp"

#include "regio/error.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/style/diverging.hpp"
#include "regio/style/palette.hpp"

#include <fmt/format.h>

#include <cmath>

namespace regio::render {

ChoroplethPlan plan_choropleth(const std::vector<double>& values, const ClassSpec& spec) {
    ChoroplethPlan plan;
    plan.classes = classify::classify(values, spec.method, spec.k, spec.options);
    const auto& bins = plan.classes.bins;
    if (spec.center) {
        plan.colors = style::diverging_colors(spec.palette.empty() ? "RdBu" : spec.palette, bins, plan.classes.lowest, *spec.center,
                                              spec.reverse);
    } else {
        plan.colors = style::palette_colors(spec.palette.empty() ? "YlOrRd" : spec.palette, bins.size(), spec.reverse);
    }
    plan.labels = class_labels(plan.classes.lowest, bins);
    plan.region_class.reserve(values.size());
    for (const double v : values) {
        if (!std::isfinite(v)) {
            plan.region_class.push_back(-1);
            ++plan.nodata;
        } else {
            plan.region_class.push_back(static_cast<int>(classify::class_of(plan.classes, v)));
        }
    }
    return plan;
}

ChoroplethPlan plan_panels(const std::vector<std::vector<double>>& panels, const ClassSpec& spec) {
    std::vector<double> values;
    for (const auto& panel : panels) values.insert(values.end(), panel.begin(), panel.end());
    try {
        return plan_choropleth(values, spec);
    } catch (const UsageError& e) {
        // Ties can leave fewer classes than asked for; say so, not just that
        // the palette lacks that size.
        const auto used = classify::classify(values, spec.method, spec.k, spec.options).k();
        if (used != spec.k)
            throw UsageError(fmt::format("the data give {} classes, not {} (ties or duplicate bounds): {}", used, spec.k, e.message()),
                             e.where(), e.hint());
        throw;
    }
}

}  // namespace regio::render
