#include "regio/harmonise/crosswalk.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace regio::harmonise {

namespace {

// Shares computed by division almost always sum to exactly 1 already; when
// rounding leaves a residual, the largest share absorbs it (where one ulp is
// least visible), so that every source's shares sum to exactly 1.
void exact_unit_sum(std::vector<CrosswalkRow>& rows, double CrosswalkRow::*share) {
    double sum = 0;
    std::size_t largest = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        sum += rows[i].*share;
        if (rows[i].*share > rows[largest].*share) largest = i;
    }
    if (sum != 1.0) rows[largest].*share += 1.0 - sum;
}

}  // namespace

BuildResult build_crosswalk(const OverlayResult& overlay, const std::vector<std::string>& from_ids,
                            const std::vector<std::string>& to_ids, const std::vector<double>* pair_weights,
                            const CrosswalkOptions& options) {
    BuildResult out;
    Crosswalk& cw = out.crosswalk;
    cw.has_weights = pair_weights != nullptr;
    const auto& pairs = overlay.pairs;
    // Weights of whole units: the sums over their pieces (before slivers go).
    std::vector<double> from_weight(from_ids.size(), 0.0), to_weight(to_ids.size(), 0.0);
    if (pair_weights)
        for (std::size_t k = 0; k < pairs.size(); ++k) {
            from_weight[pairs[k].from] += (*pair_weights)[k];
            to_weight[pairs[k].to] += (*pair_weights)[k];
        }
    std::vector<char> from_seen(from_ids.size(), 0), to_seen(to_ids.size(), 0);
    std::size_t k = 0;
    while (k < pairs.size()) {
        // All pieces of one source (pairs are sorted by source).
        const std::uint32_t from = pairs[k].from;
        std::size_t end = k;
        while (end < pairs.size() && pairs[end].from == from) ++end;
        std::vector<CrosswalkRow> kept;
        double kept_area = 0, kept_weight = 0;
        for (std::size_t i = k; i < end; ++i) {
            const OverlayPair& p = pairs[i];
            const double share_from = std::min(1.0, p.area / overlay.from_area[from]);
            // A piece can exceed its unit's area by rounding (1e-13): a share stays <= 1.
            const double share_to = std::min(1.0, p.area / overlay.to_area[p.to]);
            const double w = pair_weights ? (*pair_weights)[i] : 0.0;
            const bool sliver = (share_from < options.min_share && share_to < options.min_share) || p.area < options.min_area;
            if (sliver) {
                out.slivers.push_back({from_ids[from], to_ids[p.to], p.area, w});
                continue;
            }
            CrosswalkRow row{from_ids[from], to_ids[p.to], p.area, share_from, share_to, w, 0, 0, 0, 0};
            if (pair_weights) row.weight_share_to = to_weight[p.to] > 0 ? std::min(1.0, w / to_weight[p.to]) : 0.0;
            kept.push_back(row);
            kept_area += p.area;
            kept_weight += w;
            to_seen[p.to] = 1;
        }
        // Renormalise: each source's kept shares sum to exactly 1.
        for (auto& row : kept) {
            row.area_share_from = row.area_m2 / kept_area;
            if (pair_weights) row.weight_share_from = kept_weight > 0 ? row.weight / kept_weight : row.area_share_from;
        }
        if (!kept.empty()) {
            from_seen[from] = 1;
            exact_unit_sum(kept, &CrosswalkRow::area_share_from);
            if (pair_weights) exact_unit_sum(kept, &CrosswalkRow::weight_share_from);
        }
        cw.rows.insert(cw.rows.end(), kept.begin(), kept.end());
        k = end;
    }
    for (std::size_t i = 0; i < from_ids.size(); ++i)
        if (!from_seen[i]) out.unmatched_from.push_back(from_ids[i]);
    for (std::size_t i = 0; i < to_ids.size(); ++i)
        if (!to_seen[i]) out.unmatched_to.push_back(to_ids[i]);
    return out;
}

Crosswalk chain_crosswalks(const Crosswalk& ab, const Crosswalk& bc) {
    Crosswalk out;
    out.has_weights = ab.has_weights && bc.has_weights;
    out.has_near_boundary = ab.has_near_boundary && bc.has_near_boundary;
    std::unordered_map<std::string, std::vector<const CrosswalkRow*>> by_b;
    for (const auto& row : bc.rows) by_b[row.from_id].push_back(&row);
    // Totals of C units, to give shares of the target.
    std::map<std::string, double> c_area, c_weight;
    std::vector<std::string> a_order;
    std::unordered_set<std::string> a_seen;
    std::map<std::pair<std::string, std::string>, CrosswalkRow> rows;
    for (const auto& r1 : ab.rows) {
        // Each source once, in order of first appearance: a crosswalk read from
        // a file need not group its rows by source (seen while writing the
        // crosswalk_csv fuzz harness: the rows of such a source were written
        // once per run of its rows, doubling its shares).
        if (a_seen.insert(r1.from_id).second) a_order.push_back(r1.from_id);
        const auto it = by_b.find(r1.to_id);
        if (it == by_b.end()) continue;
        for (const CrosswalkRow* r2 : it->second) {
            CrosswalkRow& row = rows[{r1.from_id, r2->to_id}];
            row.from_id = r1.from_id;
            row.to_id = r2->to_id;
            row.area_m2 += r1.area_m2 * r2->area_share_from;
            row.area_share_from += r1.area_share_from * r2->area_share_from;
            // Near-boundary shares are summed weighted by what the path
            // carries here, and divided by the row's total below.
            auto either = [](double u1, double u2) { return 1.0 - (1.0 - u1) * (1.0 - u2); };
            if (out.has_near_boundary)
                row.near_boundary_area_share +=
                    r1.area_m2 * r2->area_share_from * either(r1.near_boundary_area_share, r2->near_boundary_area_share);
            if (out.has_weights) {
                row.weight += r1.weight * r2->weight_share_from;
                row.weight_share_from += r1.weight_share_from * r2->weight_share_from;
                if (out.has_near_boundary)
                    row.near_boundary_weight_share +=
                        r1.weight * r2->weight_share_from * either(r1.near_boundary_weight_share, r2->near_boundary_weight_share);
            }
        }
    }
    for (const auto& [key, row] : rows) {
        c_area[row.to_id] += row.area_m2;
        c_weight[row.to_id] += row.weight;
    }
    for (const auto& a : a_order)
        for (auto it = rows.lower_bound({a, ""}); it != rows.end() && it->first.first == a; ++it) {
            CrosswalkRow row = it->second;
            row.area_share_to = c_area[row.to_id] > 0 ? row.area_m2 / c_area[row.to_id] : 0;
            if (out.has_weights) row.weight_share_to = c_weight[row.to_id] > 0 ? row.weight / c_weight[row.to_id] : 0;
            if (out.has_near_boundary) {
                row.near_boundary_area_share = row.area_m2 > 0 ? std::clamp(row.near_boundary_area_share / row.area_m2, 0.0, 1.0) : 0.0;
                if (out.has_weights)
                    row.near_boundary_weight_share =
                        row.weight > 0 ? std::clamp(row.near_boundary_weight_share / row.weight, 0.0, 1.0) : 0.0;
            }
            out.rows.push_back(row);
        }
    return out;
}

}  // namespace regio::harmonise
