#include "placement.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace berlin_records {

bool inside(const Piece& piece, XY p) {
    bool in = false;
    for (const auto& ring : piece.rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const XY& a = ring[i];
            const XY& b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
        }
    return in;
}

XY draw_point(const AreaPieces& area, const std::string& area_id, Rng& rng) {
    double total = 0;
    for (const Piece& p : area.pieces) total += p.weight;
    if (!(total > 0)) throw std::runtime_error("planning area " + area_id + ": no piece to place records in");
    // The piece: the first whose running weight passes a uniform draw; then
    // a uniform point in it (drawing again in the same piece, so that thin
    // pieces keep their share).
    double pick = rng.uniform() * total;
    const Piece* piece = &area.pieces.back();
    for (const Piece& p : area.pieces) {
        if (pick < p.weight) {
            piece = &p;
            break;
        }
        pick -= p.weight;
    }
    for (int attempt = 0; attempt < 10'000; ++attempt) {
        const XY at{std::round(rng.uniform(piece->min_x, piece->max_x) * 100.0) / 100.0,
                    std::round(rng.uniform(piece->min_y, piece->max_y) * 100.0) / 100.0};
        if (inside(*piece, at)) return at;
    }
    throw std::runtime_error("planning area " + area_id + ": 10,000 drawn points all missed the area");
}

}  // namespace berlin_records
