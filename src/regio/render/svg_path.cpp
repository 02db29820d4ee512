#include "regio/render/svg_path.hpp"

#include "regio/render/svg_text.hpp"

#include <cmath>
#include <vector>

namespace regio::render {

std::string path_data(const geometry::MultiPolygon& shape, const Viewport& viewport, int decimals) {
    const double q = std::pow(10.0, decimals);
    std::string out;
    std::vector<std::pair<long long, long long>> pts;
    for (const auto& polygon : shape.polygons)
        for (const auto& ring : polygon.rings) {
            pts.clear();
            for (const auto& p : ring) {
                const auto x = std::llround(viewport.px(p.x) * q), y = std::llround(viewport.py(p.y) * q);
                if (pts.empty() || pts.back() != std::make_pair(x, y)) pts.emplace_back(x, y);
            }
            if (pts.size() > 1 && pts.front() == pts.back()) pts.pop_back();
            if (pts.size() < 3) continue;
            // Absolute first point, then relative steps (shorter numbers).
            out += 'M';
            out += format_fixed(static_cast<double>(pts[0].first) / q, decimals);
            out += ' ';
            out += format_fixed(static_cast<double>(pts[0].second) / q, decimals);
            out += 'l';
            for (std::size_t i = 1; i < pts.size(); ++i) {
                const long long dx = pts[i].first - pts[i - 1].first, dy = pts[i].second - pts[i - 1].second;
                if (i > 1) out += ' ';
                out += format_fixed(static_cast<double>(dx) / q, decimals);
                if (dy >= 0) out += ' ';  // a '-' separates by itself
                out += format_fixed(static_cast<double>(dy) / q, decimals);
            }
            out += 'z';
        }
    return out;
}

}  // namespace regio::render
