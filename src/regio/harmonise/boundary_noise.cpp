#include "regio/harmonise/boundary_noise.hpp"

#include "regio/error.hpp"
#include "regio/geometry/intersection.hpp"
#include "regio/geometry/thin_shapes.hpp"

#include <algorithm>
#include <cmath>
#include <regex>

namespace regio::harmonise {

const char* noise_reason_name(NoiseReason reason) {
    return reason == NoiseReason::Thin ? "thin" : "crosses parent";
}

namespace {

double perimeter(const OverlayPair& pair) {
    double sum = 0;
    for (const auto& s : pair.boundary) sum += std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
    return sum;
}

double outline_length(const geometry::MultiPolygon& shape) {
    double sum = 0;
    for (const auto& polygon : shape.polygons)
        for (const auto& ring : polygon.rings)
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) sum += std::hypot(ring[i + 1].x - ring[i].x, ring[i + 1].y - ring[i].y);
    return sum;
}

// The index of the largest pair of each unit on one side (by area; the first
// of equal ones), -1 for units without pairs.
std::vector<std::int64_t> largest_pairs(const std::vector<OverlayPair>& pairs, std::size_t units, bool by_source) {
    std::vector<std::int64_t> out(units, -1);
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        const std::uint32_t unit = by_source ? pairs[k].from : pairs[k].to;
        auto& best = out[unit];
        if (best < 0 || pairs[k].area > pairs[static_cast<std::size_t>(best)].area) best = static_cast<std::int64_t>(k);
    }
    return out;
}

}  // namespace

NoiseResult resolve_boundary_noise(OverlayResult& overlay, std::vector<double>* weights, const geometry::RegionSet& from,
                                   const geometry::RegionSet& to, const BoundaryNoiseOptions& options, unsigned threads) {
    NoiseResult result;
    auto& pairs = overlay.pairs;
    const bool parents = !options.from_parents.empty();
    auto crosses = [&](const OverlayPair& p) { return parents && options.from_parents[p.from] != options.to_parents[p.to]; };
    enum : char { kKept = 0, kThin = 1, kCrossing = 2 };
    std::vector<char> noise(pairs.size(), kKept);
    for (std::size_t k = 0; k < pairs.size(); ++k)
        if (crosses(pairs[k])) noise[k] = kCrossing;

    if (options.tolerance_m > 0) {
        // Candidates: a strip of width w has 2 area / perimeter ≈ w; twice D
        // leaves room for ragged strips. Only they are cut out and buffered.
        const auto largest_of_source = largest_pairs(pairs, from.size(), true);
        const auto largest_of_target = largest_pairs(pairs, to.size(), false);
        std::vector<std::size_t> candidates;
        std::vector<std::pair<std::size_t, std::size_t>> units;
        for (std::size_t k = 0; k < pairs.size(); ++k) {
            const auto i = static_cast<std::int64_t>(k);
            if (noise[k] != kKept || largest_of_source[pairs[k].from] == i || largest_of_target[pairs[k].to] == i) continue;
            if (2 * pairs[k].area > 2 * options.tolerance_m * perimeter(pairs[k])) continue;
            candidates.push_back(k);
            units.emplace_back(pairs[k].from, pairs[k].to);
        }
        const auto shapes = geometry::intersections(from.shapes, to.shapes, units, threads);
        const auto thin = geometry::thinner_than(shapes, options.tolerance_m, threads);
        for (std::size_t c = 0; c < candidates.size(); ++c)
            if (thin[c]) noise[candidates[c]] = kThin;
    }

    // Receivers: the largest kept piece of each source (in its parent).
    std::vector<std::int64_t> receiver(from.size(), -1);
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (noise[k] != kKept) continue;
        auto& best = receiver[pairs[k].from];
        if (best < 0 || pairs[k].area > pairs[static_cast<std::size_t>(best)].area) best = static_cast<std::int64_t>(k);
    }
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (noise[k] == kKept) continue;
        const OverlayPair& p = pairs[k];
        const std::int64_t r = receiver[p.from];
        if (r < 0)
            throw DataError("unit " + from.ids[p.from] + " lies wholly outside its parent " + options.from_parents[p.from] +
                                " in the second vintage: the parents changed",
                            Where{from.file, from.layer}, "drop --within/--within-prefix, or name parents that both vintages share");
        const double w = weights ? (*weights)[k] : 0.0;
        const double length = perimeter(p);
        result.pieces.push_back({p.from, p.to, pairs[static_cast<std::size_t>(r)].to, p.area, w,
                                 length > 0 ? 2 * p.area / length : 0.0, noise[k] == kThin ? NoiseReason::Thin : NoiseReason::CrossesParent});
        pairs[static_cast<std::size_t>(r)].area += p.area;
        // The targets' areas follow, so that a target's shares stay shares of
        // what it receives: an unchanged unit's copy gets share 1 both ways.
        overlay.to_area[p.to] -= p.area;
        overlay.to_area[pairs[static_cast<std::size_t>(r)].to] += p.area;
        if (weights) (*weights)[static_cast<std::size_t>(r)] += w;
    }
    // Drop the noise pairs (pairs and weights stay in step).
    std::size_t kept = 0;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (noise[k] != kKept) continue;
        if (kept != k) {
            pairs[kept] = std::move(pairs[k]);
            if (weights) (*weights)[kept] = (*weights)[k];
        }
        ++kept;
    }
    pairs.resize(kept);
    if (weights) weights->resize(kept);

    // A target's territory outside every source (mostly a coastline
    // generalised differently) is noise too when it amounts to no more than a
    // displacement of D along the target's outline: the target's area then
    // counts what it receives, so that its shares are not diluted by it.
    result.to_outline_area.assign(to.size(), 0.0);
    if (options.tolerance_m > 0) {
        std::vector<double> covered(to.size(), 0.0);
        for (const auto& p : pairs) covered[p.to] += p.area;
        for (std::size_t t = 0; t < to.size(); ++t) {
            const double outside = overlay.to_area[t] - covered[t];
            if (covered[t] > 0 && outside > 0 && outside <= options.tolerance_m * outline_length(to.shapes[t])) {
                result.to_outline_area[t] = outside;
                overlay.to_area[t] = covered[t];
            }
        }
    }
    return result;
}

std::optional<double> tolerance_from_file_name(const std::string& path) {
    const std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    // GISCO's scale codes: 01M, 03M, 10M, 20M, 60M (millions), between
    // underscores or at the end of the stem.
    static const std::regex scale(R"((^|_)(\d{1,3})M(_|\.|$))", std::regex::icase);
    std::smatch m;
    if (!std::regex_search(name, m, scale)) return std::nullopt;
    const double millions = std::stod(m[2].str());
    if (!(millions > 0)) return std::nullopt;
    return 0.25e-3 * millions * 1e6;
}

}  // namespace regio::harmonise
