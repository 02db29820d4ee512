#include "regio/render/map_scene.hpp"

#include "regio/render/insets.hpp"
#include "regio/render/simplify.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace regio::render {

Viewport view_of(const geometry::Box& extent, const Frame& frame) {
    return Viewport(extent.empty() ? geometry::Box{0, 0, 1, 1} : extent, frame);
}

// Insets, frames and display simplification, shared by all panels.
Scene make_scene(const std::vector<MapRegion>& regions, const MapSpec& spec, MapDrawing& out) {
    Scene scene;
    std::vector<std::string> ids;
    for (const auto& r : regions) {
        ids.push_back(r.id);
        scene.shapes.push_back(r.shape);
    }
    scene.assignment = assign_insets(ids, spec.insets, out.warnings);
    scene.main_extent = spec.extent ? *spec.extent : frame_bounds(scene.shapes, scene.assignment, kMainFrame);
    for (std::size_t i = 0; i < spec.insets.size(); ++i) {
        const int frame = static_cast<int>(i);
        const auto members = static_cast<std::size_t>(std::count(scene.assignment.begin(), scene.assignment.end(), frame));
        if (members == 0) continue;
        out.in_insets += members;
        scene.insets.push_back({frame, inset_extent(spec.insets[i], frame_bounds(scene.shapes, scene.assignment, frame))});
    }
    if (spec.extent) {
        // A region cut off by the extent and in no inset is not on the map: say so.
        std::vector<std::string> outside;
        for (std::size_t r = 0; r < regions.size(); ++r)
            if (scene.assignment[r] == kMainFrame && regions[r].shape && !regions[r].shape->empty() &&
                !geometry::bounds(*regions[r].shape).intersects(*spec.extent))
                outside.push_back(regions[r].id);
        if (!outside.empty()) {
            std::string list;
            for (std::size_t i = 0; i < std::min<std::size_t>(outside.size(), 5); ++i) list += (i ? ", " : "") + outside[i];
            if (outside.size() > 5) list += ", ...";
            out.warnings.push_back(fmt::format("{} region{} outside the map's extent and in no inset ({}): not visible", outside.size(),
                                               outside.size() == 1 ? " lies" : "s lie", list));
        }
    }
    return scene;
}

// Display simplification keeps shared borders shared; each frame is
// simplified at its own scale.
TopologyRepair simplify_scene(Scene& scene, double simplify_px, const PanelFrames& frames) {
    TopologyRepair total;
    if (simplify_px <= 0) return total;
    scene.simplified.resize(scene.shapes.size());
    auto simplify_frame = [&](int frame, double scale) {
        std::vector<const geometry::MultiPolygon*> group;
        std::vector<std::size_t> index;
        for (std::size_t r = 0; r < scene.shapes.size(); ++r)
            if (scene.assignment[r] == frame && scene.shapes[r]) {
                group.push_back(scene.shapes[r]);
                index.push_back(r);
            }
        if (group.empty()) return;
        TopologyRepair repair;
        auto result = simplify_shared(group, simplify_px / scale, &repair);
        total.restored += repair.restored;
        total.unresolved += repair.unresolved;
        for (std::size_t k = 0; k < index.size(); ++k) scene.simplified[index[k]] = std::move(result[k]);
    };
    simplify_frame(kMainFrame, view_of(scene.main_extent, frames.map).scale());
    for (std::size_t i = 0; i < scene.insets.size(); ++i)
        simplify_frame(scene.insets[i].frame, view_of(scene.insets[i].extent, inset_map_area(frames.insets[i])).scale());
    for (std::size_t r = 0; r < scene.shapes.size(); ++r)
        if (scene.shapes[r]) scene.shapes[r] = &scene.simplified[r];
    return total;
}

}  // namespace regio::render
