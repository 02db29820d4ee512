#include "regio/render/page_layout.hpp"

#include <algorithm>
#include <cmath>

namespace regio::render {
namespace {

std::size_t ceil_div(std::size_t a, std::size_t b) { return (a + b - 1) / b; }

// Moves n inset boxes into a strip along the bottom of `map`, which shrinks
// by the strip's height.
std::vector<Frame> bottom_strip(Frame& map, std::size_t n) {
    const Frame strip{map.x, map.y, map.width, map.height * kInsetStripShare};
    std::vector<Frame> boxes = box_grid(strip, n, kInsetGap, kInsetMaxSide);
    if (boxes.empty()) return boxes;
    const double used = boxes.back().y + boxes.back().height - strip.y;
    map.height = std::max(10.0, map.height - used - kInsetGap);
    for (auto& b : boxes) b.y += map.height + kInsetGap;
    return boxes;
}

}  // namespace

std::vector<Frame> box_grid(const Frame& area, std::size_t n, double gap, double max_side) {
    if (n == 0) return {};
    std::size_t best_columns = 1;
    double best_side = -1;
    for (std::size_t c = 1; c <= n; ++c) {
        const std::size_t r = ceil_div(n, c);
        const double side = std::min({(area.width - static_cast<double>(c - 1) * gap) / static_cast<double>(c),
                                      (area.height - static_cast<double>(r - 1) * gap) / static_cast<double>(r), max_side});
        if (side > best_side + 1e-9) {
            best_side = side;
            best_columns = c;
        }
    }
    best_side = std::max(0.0, std::floor(best_side));  // whole pixels: crisp borders
    std::vector<Frame> boxes;
    for (std::size_t i = 0; i < n; ++i)
        boxes.push_back({area.x + static_cast<double>(i % best_columns) * (best_side + gap),
                         area.y + static_cast<double>(i / best_columns) * (best_side + gap), best_side, best_side});
    return boxes;
}

Frame inset_map_area(const Frame& box) {
    return {box.x + 3, box.y + 15, std::max(1.0, box.width - 6), std::max(1.0, box.height - 18)};
}

PageLayout layout_page(const PageSpec& spec) {
    PageLayout page;
    page.legend_x = spec.width - kPageMargin - spec.legend_width + 12;
    page.legend_y = spec.header + 4;
    const Frame area{kPageMargin, spec.header, std::max(10.0, spec.width - 2 * kPageMargin - spec.legend_width),
                     std::max(10.0, spec.height - spec.header - spec.footer)};
    const std::size_t n = std::max<std::size_t>(1, spec.panels);
    const double title = spec.panel_titles ? kPanelTitleHeight : 0;

    if (n == 1) {
        PanelFrames panel{area, {area.x, area.y + title, area.width, std::max(10.0, area.height - title)}, {}};
        if (spec.insets > 0) {
            // Under the legend, if the boxes are not too small there.
            const double top = page.legend_y + spec.legend_height + 16;
            const Frame column{page.legend_x, top, spec.width - kPageMargin - page.legend_x, spec.height - spec.footer - top};
            auto boxes = column.height > 0 ? box_grid(column, spec.insets, kInsetGap, kInsetMaxSide) : std::vector<Frame>{};
            if (!boxes.empty() && boxes.front().width >= kInsetMinSide) panel.insets = std::move(boxes);
            else panel.insets = bottom_strip(panel.map, spec.insets);
        }
        page.panels.push_back(std::move(panel));
        return page;
    }

    // Small multiples: the grid whose panels show the extent largest.
    const double aspect = spec.aspect > 0 && std::isfinite(spec.aspect) ? spec.aspect : 1;
    const double map_share = spec.insets > 0 ? 1 - kInsetStripShare : 1;
    double best = -1;
    for (std::size_t c = 1; c <= n; ++c) {
        const std::size_t r = ceil_div(n, c);
        const double w = (area.width - static_cast<double>(c - 1) * kPanelGap) / static_cast<double>(c);
        const double h = ((area.height - static_cast<double>(r - 1) * kPanelGap) / static_cast<double>(r) - title) * map_share;
        const double scale = std::min(w / aspect, h);
        if (scale > best + 1e-9) {
            best = scale;
            page.columns = c;
            page.rows = r;
        }
    }
    const double w = (area.width - static_cast<double>(page.columns - 1) * kPanelGap) / static_cast<double>(page.columns);
    const double h = (area.height - static_cast<double>(page.rows - 1) * kPanelGap) / static_cast<double>(page.rows);
    for (std::size_t i = 0; i < n; ++i) {
        const Frame cell{area.x + static_cast<double>(i % page.columns) * (w + kPanelGap),
                         area.y + static_cast<double>(i / page.columns) * (h + kPanelGap), w, h};
        PanelFrames panel{cell, {cell.x, cell.y + title, cell.width, std::max(10.0, cell.height - title)}, {}};
        if (spec.insets > 0) panel.insets = bottom_strip(panel.map, spec.insets);
        page.panels.push_back(std::move(panel));
    }
    return page;
}

}  // namespace regio::render
