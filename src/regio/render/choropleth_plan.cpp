#include "regio/render/choropleth_plan.hpp"

#include "regio/render/choropleth_svg.hpp"
#include "regio/style/diverging.hpp"
#include "regio/style/palette.hpp"

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

}  // namespace regio::render
