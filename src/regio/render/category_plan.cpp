#include "regio/render/category_plan.hpp"

#include "regio/render/facets.hpp"
#include "regio/style/palette.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace regio::render {
namespace {

constexpr const char* kDefaultQualitative = "Set3";

// Up to the palette's largest set: k colours of it, or the first k of its
// smallest set (ColorBrewer's qualitative sets start at 3).
std::vector<std::string> qualitative_colors(const std::string& name, std::size_t k, const std::string& style) {
    const std::vector<std::size_t> sizes = style::palette_sizes(name);
    if (k > sizes.back())
        throw UsageError(fmt::format("{} categories, but palette {} has at most {} colours", k, name, sizes.back()),
                         Where{}, style.empty() ? "give a style with a colour per category ([[categories]] in a style file)"
                                                : "give every category a colour in " + style);
    if (std::find(sizes.begin(), sizes.end(), k) != sizes.end()) return style::palette_colors(name, k);
    std::vector<std::string> colors = style::palette_colors(name, sizes.front());
    colors.resize(k);
    return colors;
}

}  // namespace

std::string category_value(double value) {
    if (std::trunc(value) == value && std::abs(value) < 1e15) return fmt::format("{}", static_cast<long long>(value));
    return fmt::format("{}", value);
}

ChoroplethPlan plan_categories(const std::vector<std::vector<double>>& panels, const CategorySpec& spec,
                               const std::vector<std::vector<char>>& confidential) {
    auto is_confidential = [&](std::size_t p, std::size_t r) {
        return p < confidential.size() && r < confidential[p].size() && confidential[p][r] != 0;
    };
    // 1. The categories: the style's, or the distinct values in natural order.
    std::vector<style::StyleCategory> categories = spec.categories;
    if (categories.empty()) {
        std::set<std::string> distinct;
        for (std::size_t p = 0; p < panels.size(); ++p)
            for (std::size_t r = 0; r < panels[p].size(); ++r)
                if (std::isfinite(panels[p][r]) && !is_confidential(p, r)) distinct.insert(category_value(panels[p][r]));
        if (distinct.empty()) throw DataError("no value to map: every region is without data", spec.source);
        std::vector<std::string> values(distinct.begin(), distinct.end());
        sort_facets(values);  // numbers numerically: 2 before 10
        const std::vector<std::string> colors =
            qualitative_colors(spec.palette.empty() ? kDefaultQualitative : spec.palette, values.size(), spec.style);
        for (std::size_t k = 0; k < values.size(); ++k) categories.push_back({values[k], values[k], colors[k]});
    }
    std::map<std::string, std::size_t> index;
    for (std::size_t k = 0; k < categories.size(); ++k) index.emplace(categories[k].value, k);

    // 2. Each region's category; a value the style does not know is an error.
    ChoroplethPlan plan;
    plan.classes.counts.assign(categories.size(), 0);
    plan.classes.source = spec.source;
    const auto class_of = [&](double v) {
        const std::string value = category_value(v);
        const auto it = index.find(value);
        if (it == index.end())
            throw DataError("value " + value + " is not a category of the style " + spec.style, spec.source,
                            "add a [[categories]] entry for it to the style, or map another field");
        ++plan.classes.counts[it->second];
        return static_cast<int>(it->second);
    };
    for (std::size_t p = 0; p < panels.size(); ++p)
        assign_region_classes(plan, panels[p], p < confidential.size() ? confidential[p] : std::vector<char>{}, class_of);
    if (plan.nodata + plan.confidential == plan.region_class.size())
        throw DataError("no value to map: every region is without data", spec.source);

    // 3. Labels (--label-field first) and colours; bins hold the values that are numbers.
    for (const auto& c : categories) {
        const auto label = spec.labels.find(c.value);
        plan.labels.push_back(label != spec.labels.end() ? label->second : c.label);
        plan.colors.push_back(c.color);
        plan.category_values.push_back(c.value);
        char* end = nullptr;
        const double number = std::strtod(c.value.c_str(), &end);
        plan.classes.bins.push_back(end && *end == '\0' ? number : std::nan(""));
    }
    plan.classes.requested_k = categories.size();
    return plan;
}

}  // namespace regio::render
