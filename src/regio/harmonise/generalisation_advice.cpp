#include "regio/harmonise/generalisation_advice.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <vector>

namespace regio::harmonise {

double median_vertex_spacing(const geometry::RegionSet& set) {
    std::vector<double> lengths;
    for (const auto& shape : set.shapes)
        for (const auto& polygon : shape.polygons)
            for (const auto& ring : polygon.rings)
                for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                    lengths.push_back(std::hypot(ring[i + 1].x - ring[i].x, ring[i + 1].y - ring[i].y));
    if (lengths.empty()) return 0;
    const auto middle = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2);
    std::nth_element(lengths.begin(), middle, lengths.end());
    return *middle;
}

std::vector<double> thin_pieces_between_kept_codes(const OverlayResult& overlay, const geometry::RegionSet& from,
                                                   const geometry::RegionSet& to, double width) {
    const std::unordered_set<std::string> from_codes(from.ids.begin(), from.ids.end()), to_codes(to.ids.begin(), to.ids.end());
    std::vector<double> widths;
    for (const auto& p : overlay.pairs) {
        const std::string& a = from.ids[p.from];
        const std::string& b = to.ids[p.to];
        if (a == b || !to_codes.count(a) || !from_codes.count(b)) continue;
        double perimeter = 0;
        for (const auto& s : p.boundary) perimeter += std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
        if (perimeter > 0 && 2 * p.area / perimeter <= width) widths.push_back(2 * p.area / perimeter);
    }
    return widths;
}

std::optional<std::string> generalisation_advice(const geometry::RegionSet& from, const geometry::RegionSet& to,
                                                 const OverlayResult& overlay, double tolerance_m) {
    const double from_spacing = median_vertex_spacing(from), to_spacing = median_vertex_spacing(to);
    const double coarse = std::max(from_spacing, to_spacing);
    if (!(coarse > kCoarseVertexSpacing)) return std::nullopt;
    // Strips no wider on average than the vertex spacing (at most 5 km, the
    // displacement measured at 1:20M) count.
    std::vector<double> widths =
        thin_pieces_between_kept_codes(overlay, from, to, tolerance_m > 0 ? tolerance_m : std::min(coarse, kMaxNoiseWidth));
    const std::size_t thin = widths.size();
    if (thin < 10 || 20 * thin < std::max(from.size(), to.size())) return std::nullopt;
    std::string what;
    if (tolerance_m > 0) {
        what = fmt::format("--boundary-tolerance {:g} m treats those thinner than that as noise", tolerance_m);
    } else {
        // A strip's mean width is about half its widest, and the tolerance
        // must exceed the widest: twice the 90th percentile, in 500 m steps.
        const std::size_t p90 = thin * 9 / 10;
        std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(p90), widths.end());
        const double suggested = 500 * std::ceil(2 * widths[p90] / 500);
        what = fmt::format("the exact overlay counts them as change; --boundary-tolerance {:g} (metres) would treat them as noise",
                           suggested);
    }
    return fmt::format("the boundaries are generalised (median vertex spacing {:.0f} m and {:.0f} m): {} thin pieces lie "
                       "between units whose codes exist in both vintages, where two generalisations of one boundary disagree; "
                       "{}. Files at a finer scale remove the noise (for NUTS: GISCO's 1:1M files, _01M_, rather than 1:3M "
                       "or 1:20M)",
                       from_spacing, to_spacing, thin, what);
}

}  // namespace regio::harmonise
