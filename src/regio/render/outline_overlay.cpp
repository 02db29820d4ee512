#include "regio/render/outline_overlay.hpp"

#include "regio/render/svg_path.hpp"
#include "regio/render/svg_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace regio::render {
namespace {

// Signed area (shoelace) of a closed ring.
double ring_area(const geometry::Ring& ring) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) a += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return a / 2;
}

bool ring_contains(const geometry::Ring& ring, const geometry::Point& p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

bool polygon_contains(const geometry::Polygon& polygon, const geometry::Point& p) {
    if (polygon.rings.empty() || !ring_contains(polygon.rings.front(), p)) return false;
    for (std::size_t h = 1; h < polygon.rings.size(); ++h)
        if (ring_contains(polygon.rings[h], p)) return false;
    return true;
}

// The middle of the widest run of the horizontal line at y inside the polygon.
geometry::Point widest_run(const geometry::Polygon& polygon, double y, const geometry::Point& fallback) {
    std::vector<double> xs;
    for (const auto& ring : polygon.rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const auto& a = ring[i];
            const auto& b = ring[j];
            if ((a.y > y) != (b.y > y)) xs.push_back((b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x);
        }
    std::sort(xs.begin(), xs.end());
    geometry::Point best = fallback;
    double widest = -1;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > widest) {
            widest = xs[i + 1] - xs[i];
            best = {(xs[i] + xs[i + 1]) / 2, y};
        }
    return best;
}

}  // namespace

geometry::Point label_point(const geometry::MultiPolygon& shape) {
    const geometry::Polygon* largest = nullptr;
    double largest_area = -1;
    for (const auto& polygon : shape.polygons) {
        if (polygon.rings.empty() || polygon.rings.front().size() < 4) continue;
        const double a = std::abs(ring_area(polygon.rings.front()));
        if (a > largest_area) largest_area = a, largest = &polygon;
    }
    if (!largest) return {};
    const geometry::Ring& ring = largest->rings.front();
    double a = 0, cx = 0, cy = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double cross = ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
        a += cross;
        cx += (ring[i].x + ring[i + 1].x) * cross;
        cy += (ring[i].y + ring[i + 1].y) * cross;
    }
    if (a == 0) return ring.front();
    const geometry::Point centroid{cx / (3 * a), cy / (3 * a)};
    if (polygon_contains(*largest, centroid)) return centroid;
    return widest_run(*largest, centroid.y, ring.front());
}

void append_outlines(std::string& svg, const std::vector<OutlineShape>& outlines, const OutlineStyle& style, const Viewport& view,
                     const std::string& clip_id, const std::string& id_suffix, int decimals) {
    if (outlines.empty()) return;
    svg += fmt::format("<g id=\"outlines{}\" clip-path=\"url(#{})\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
                       "stroke-linejoin=\"round\">\n",
                       id_suffix, clip_id, xml_escape(style.color), format_fixed(style.width, 2));
    for (const auto& outline : outlines) {
        if (!outline.shape) continue;
        const std::string d = path_data(*outline.shape, view, decimals);
        if (!d.empty()) svg += fmt::format("<path d=\"{}\"/>\n", d);
    }
    svg += "</g>\n";
    bool any_label = false;
    for (const auto& outline : outlines) any_label = any_label || (outline.shape && !outline.label.empty());
    if (!any_label) return;
    // paint-order puts the white halo under the glyphs: legible on dark and light classes.
    svg += fmt::format("<g id=\"outline-labels{}\" clip-path=\"url(#{})\" font-size=\"10\" text-anchor=\"middle\" fill=\"#222222\" "
                       "stroke=\"#FFFFFF\" stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n",
                       id_suffix, clip_id);
    for (const auto& outline : outlines) {
        if (!outline.shape || outline.label.empty() || outline.shape->empty()) continue;
        const geometry::Point at = label_point(*outline.shape);
        svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", format_fixed(view.px(at.x), 1), format_fixed(view.py(at.y) + 3.5, 1),
                           xml_escape(outline.label));
    }
    svg += "</g>\n";
}

}  // namespace regio::render
