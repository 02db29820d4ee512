#include "regio/harmonise/pair_weights.hpp"

#include <map>

namespace regio::harmonise {
namespace {

constexpr std::size_t kInvalidExamplesKept = 10;

class PairShapes final : public aggregate::CoverageShapes {
public:
    explicit PairShapes(const OverlayResult& overlay) : m_overlay(overlay) {}
    [[nodiscard]] std::size_t size() const override { return m_overlay.pairs.size(); }
    [[nodiscard]] geometry::Box bounds(std::size_t i) const override {
        geometry::Box box;
        for (const auto& s : m_overlay.pairs[i].boundary) {
            box.expand(s.a);
            box.expand(s.b);
        }
        return box;
    }
    [[nodiscard]] std::unique_ptr<grid::PolygonCoverage> coverage(std::size_t i, const grid::GridDefinition& g) const override {
        return std::make_unique<grid::PolygonCoverage>(m_overlay.pairs[i].boundary, g);
    }

private:
    const OverlayResult& m_overlay;
};

// Plain polygons (only the non-empty ones are passed on).
class PolygonShapes final : public aggregate::CoverageShapes {
public:
    explicit PolygonShapes(const std::vector<const geometry::MultiPolygon*>& shapes) : m_shapes(shapes) {}
    [[nodiscard]] std::size_t size() const override { return m_shapes.size(); }
    [[nodiscard]] geometry::Box bounds(std::size_t i) const override { return geometry::bounds(*m_shapes[i]); }
    [[nodiscard]] std::unique_ptr<grid::PolygonCoverage> coverage(std::size_t i, const grid::GridDefinition& g) const override {
        return std::make_unique<grid::PolygonCoverage>(*m_shapes[i], g);
    }

private:
    const std::vector<const geometry::MultiPolygon*>& m_shapes;
};

}  // namespace

std::vector<double> shape_weights_from_grid(io::GridSource& grid, const std::vector<geometry::MultiPolygon>& shapes,
                                            unsigned threads) {
    std::vector<const geometry::MultiPolygon*> present;
    std::vector<std::size_t> index;
    for (std::size_t k = 0; k < shapes.size(); ++k)
        if (!shapes[k].empty()) {
            present.push_back(&shapes[k]);
            index.push_back(k);
        }
    std::vector<double> out(shapes.size(), 0.0);
    if (present.empty()) return out;
    aggregate::GridOptions options;
    options.threads = threads;
    options.totals = false;
    const aggregate::GridResult result = aggregate::aggregate_grid(grid, PolygonShapes(present), nullptr, options);
    for (std::size_t i = 0; i < present.size(); ++i) out[index[i]] = result.stats[0][i].sum;
    return out;
}

std::vector<double> pair_weights_from_grid(io::GridSource& grid, const OverlayResult& overlay, unsigned threads) {
    aggregate::GridOptions options;
    options.threads = threads;
    options.totals = false;  // only the pieces' sums are wanted
    const aggregate::GridResult result = aggregate::aggregate_grid(grid, PairShapes(overlay), nullptr, options);
    std::vector<double> out(overlay.pairs.size());
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = result.stats[0][k].sum;
    return out;
}

PointPairWeights pair_weights_from_points(io::PointSource& points, const OverlayResult& overlay,
                                          const geometry::PointLocator& from, const geometry::PointLocator& to,
                                          io::PointTransformer* transformer, const io::CrsDomain* points_domain) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> index;
    for (std::size_t k = 0; k < overlay.pairs.size(); ++k) index[{overlay.pairs[k].from, overlay.pairs[k].to}] = k;
    PointPairWeights out;
    out.weights.assign(overlay.pairs.size(), 0.0);
    io::RawChunk chunk;
    io::PointBatch batch;
    std::vector<char> ok;
    io::PointDomainTally domain_tally(points_domain);
    while (points.read(chunk)) {
        points.decode(chunk, batch);
        domain_tally.check(batch);
        out.read += static_cast<std::int64_t>(batch.size()) + batch.invalid_count;
        out.invalid += batch.invalid_count;
        for (const auto& e : batch.invalid_examples)
            if (out.invalid_examples.size() < kInvalidExamplesKept) out.invalid_examples.push_back(e);
        ok.assign(batch.size(), 1);
        if (transformer) transformer->transform(batch.x, batch.y, ok);
        const std::size_t nw = batch.size() ? batch.weights.size() / batch.size() : 0;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (!ok[i]) {
                ++out.invalid;
                if (out.invalid_examples.size() < kInvalidExamplesKept)
                    out.invalid_examples.push_back({i < batch.ref.size() ? batch.ref[i] : 0, "could not be transformed"});
                continue;
            }
            const double w = nw ? batch.weights[i * nw] : 1.0;
            const auto a = from.locate({batch.x[i], batch.y[i]});
            const auto b = to.locate({batch.x[i], batch.y[i]});
            const auto it = (a >= 0 && b >= 0) ? index.find({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)})
                                               : index.end();
            if (it == index.end()) {
                out.outside += w;
                ++out.outside_count;
            } else {
                out.weights[it->second] += w;
                ++out.in_pieces;
            }
        }
    }
    domain_tally.throw_if_outside(points.display(), points.ref_kind());
    return out;
}

}  // namespace regio::harmonise
