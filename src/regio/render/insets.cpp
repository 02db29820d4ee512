#include "regio/render/insets.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace regio::render {

std::vector<int> assign_insets(const std::vector<std::string>& ids, const std::vector<style::MapInset>& insets,
                               std::vector<std::string>& warnings) {
    std::vector<int> frame(ids.size(), kMainFrame);
    std::vector<std::size_t> members(insets.size(), 0);
    for (std::size_t r = 0; r < ids.size(); ++r)
        for (std::size_t i = 0; i < insets.size(); ++i) {
            const auto& prefixes = insets[i].ids;
            const auto hit = std::find_if(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return ids[r].starts_with(p); });
            if (hit == prefixes.end()) continue;
            if (frame[r] != kMainFrame)
                throw ConfigError(fmt::format("region '{}' matches insets '{}' and '{}': give each region one inset", ids[r],
                                              insets[static_cast<std::size_t>(frame[r])].label, insets[i].label),
                                  Where{{}, {}, {}, {}, "insets"});
            frame[r] = static_cast<int>(i);
            ++members[i];
        }
    for (std::size_t i = 0; i < insets.size(); ++i)
        if (members[i] == 0)
            warnings.push_back(fmt::format("inset '{}' matches no region (ids {}): not drawn", insets[i].label, fmt::join(insets[i].ids, ", ")));
    return frame;
}

geometry::Box frame_bounds(const std::vector<const geometry::MultiPolygon*>& shapes, const std::vector<int>& assignment, int frame) {
    geometry::Box box;
    for (std::size_t r = 0; r < shapes.size(); ++r)
        if (assignment[r] == frame && shapes[r] && !shapes[r]->empty()) box.expand(geometry::bounds(*shapes[r]));
    return box;
}

geometry::Box inset_extent(const style::MapInset& inset, const geometry::Box& region_bounds) {
    if (inset.extent) return *inset.extent;
    if (region_bounds.empty()) return region_bounds;
    const double margin = 0.08 * std::max({region_bounds.width(), region_bounds.height(), 1e-9});
    return {region_bounds.xmin - margin, region_bounds.ymin - margin, region_bounds.xmax + margin, region_bounds.ymax + margin};
}

}  // namespace regio::render
