#include "regio/harmonise/apply.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace regio::harmonise {
namespace {

// Totals balance to this share of the total (sums of many products).
constexpr double kTotalsTolerance = 1e-9;

// The conservation check of a crosswalk apply (design.md: crosswalk apply
// preserves extensive totals). The accounting itself must hold whatever the
// policy; a loss through unbalanced shares only with LossPolicy::Accept.
void check_totals(const ApplyResult& result, const ApplyOptions& options) {
    for (std::size_t k = 0; k < result.total_before.size(); ++k) {
        const double before = result.total_before[k];
        const double scale = kTotalsTolerance * std::max(1.0, std::abs(before));
        const double residual = before - result.total_after[k] - result.not_carried[k] - result.lost_by_shares[k];
        if (std::abs(residual) > scale)
            throw DataError(fmt::format("column '{}': totals do not balance: {:.10g} before, {:.10g} after, {:.10g} not "
                                        "carried, {:.10g} lost by shares (off by {:.3g})",
                                        options.extensive[k], before, result.total_after[k], result.not_carried[k],
                                        result.lost_by_shares[k], residual));
        if (options.loss == LossPolicy::Refuse && !totals_preserved(result, k))
            throw DataError(fmt::format("column '{}': {:.10g} before but {:.10g} after and {:.10g} not carried: the crosswalk "
                                        "{} {:.10g}",
                                        options.extensive[k], before, result.total_after[k], result.not_carried[k],
                                        result.lost_by_shares[k] > 0 ? "loses" : "invents", std::abs(result.lost_by_shares[k])),
                            Where{}, "--accept-loss applies it anyway and reports the difference");
    }
}

}  // namespace

ApplyResult apply_crosswalk(const Crosswalk& crosswalk, const io::CsvTable& data, const ApplyOptions& options) {
    const ShareColumn share_column = options.weight == ApplyWeight::Area ? ShareColumn::Area : ShareColumn::Weight;
    std::vector<UnbalancedSource> unbalanced = check_crosswalk(
        crosswalk, {share_column}, options.loss == LossPolicy::Accept ? ShareSums::MayDiffer : ShareSums::MustBeOne);
    const std::size_t id_col = data.column(options.id);
    std::vector<std::size_t> ext_cols, int_cols, den_cols;
    for (const auto& c : options.extensive) ext_cols.push_back(data.column(c));
    for (const auto& c : options.intensive) {
        int_cols.push_back(data.column(c.column));
        den_cols.push_back(data.column(c.denominator));
    }
    // Data rows by id.
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < data.rows.size(); ++r)
        if (!row_of.emplace(data.rows[r][id_col], r).second)
            throw DataError("duplicate id '" + data.rows[r][id_col] + "'", Where{data.path, {}, data.lines[r], {}, options.id});

    const std::size_t ne = ext_cols.size(), ni = int_cols.size();
    std::map<std::string, std::size_t> target_index;
    for (const auto& row : crosswalk.rows) target_index.emplace(row.to_id, 0);
    std::size_t n = 0;
    for (auto& [id, index] : target_index) index = n++;
    std::vector<std::string> targets;
    for (const auto& [id, index] : target_index) targets.push_back(id);

    // Accumulators per target.
    std::vector<std::vector<double>> ext(ne, std::vector<double>(n, 0.0)), num(ni, std::vector<double>(n, 0.0)),
        den(ni, std::vector<double>(n, 0.0));
    std::vector<std::vector<char>> ext_missing(ne, std::vector<char>(n, 0)), int_missing(ni, std::vector<char>(n, 0));
    std::vector<double> split_part(n, 0.0), all_part(n, 0.0), near_part(n, 0.0);

    std::unordered_map<std::string, std::size_t> targets_per_source;
    std::unordered_map<std::string, double> share_sum;  // per source, of the share column used
    for (const auto& row : crosswalk.rows) {
        ++targets_per_source[row.from_id];
        share_sum[row.from_id] += options.weight == ApplyWeight::Area ? row.area_share_from : row.weight_share_from;
    }
    std::set<std::string> sources_missing;
    for (const auto& row : crosswalk.rows) {
        const auto it = row_of.find(row.from_id);
        if (it == row_of.end()) {
            // A target fed partly by a unit without data would show a
            // partial total as if complete: it is missing instead.
            sources_missing.insert(row.from_id);
            const std::size_t t = target_index[row.to_id];
            for (auto& m : ext_missing) m[t] = 1;
            for (auto& m : int_missing) m[t] = 1;
            continue;
        }
        const std::size_t r = it->second;
        const std::size_t t = target_index[row.to_id];
        const double share = options.weight == ApplyWeight::Area ? row.area_share_from : row.weight_share_from;
        const bool split = targets_per_source[row.from_id] > 1;
        const double near = options.weight == ApplyWeight::Area ? row.near_boundary_area_share : row.near_boundary_weight_share;
        for (std::size_t k = 0; k < ne; ++k) {
            const double x = data.number(r, ext_cols[k]);
            if (std::isnan(x)) {
                ext_missing[k][t] = 1;
                continue;
            }
            ext[k][t] += x * share;
            if (k == 0) {
                all_part[t] += x * share;
                near_part[t] += x * share * near;
                if (split) split_part[t] += x * share;
            }
        }
        for (std::size_t k = 0; k < ni; ++k) {
            const double v = data.number(r, int_cols[k]);
            const double d = data.number(r, den_cols[k]);
            if (std::isnan(v) || std::isnan(d)) {
                int_missing[k][t] = 1;
                continue;
            }
            num[k][t] += v * d * share;
            den[k][t] += d * share;
        }
        if (ne == 0) {  // allocation uncertainty by the weight itself
            all_part[t] += share;
            near_part[t] += share * near;
            if (split) split_part[t] += share;
        }
    }

    ApplyResult out{table::RegionTable(options.id, targets),
                    std::vector<double>(ne, 0.0),
                    std::vector<double>(ne, 0.0),
                    std::vector<double>(ne, 0.0),
                    std::vector<double>(ne, 0.0),
                    std::move(unbalanced),
                    std::vector<double>(ne, 0.0),
                    {},
                    {sources_missing.begin(), sources_missing.end()},
                    {}};
    for (std::size_t k = 0; k < ne; ++k) {
        auto& col = out.table.add_column(options.extensive[k], table::ColumnKind::Real);
        for (std::size_t t = 0; t < n; ++t) {
            col.values[t] = ext[k][t];
            if (ext_missing[k][t]) {
                col.status[t] = table::CellStatus::Missing;
                out.in_empty_targets[k] += ext[k][t];
            }
            out.total_after[k] += ext[k][t];  // what was carried, also into targets shown as missing
        }
    }
    for (std::size_t k = 0; k < ni; ++k) {
        auto& col = out.table.add_column(options.intensive[k].column, table::ColumnKind::Real);
        for (std::size_t t = 0; t < n; ++t) {
            if (int_missing[k][t] || !(den[k][t] > 0)) col.status[t] = table::CellStatus::Missing;
            else col.values[t] = num[k][t] / den[k][t];
        }
    }
    for (std::size_t r = 0; r < data.rows.size(); ++r) {
        const auto sum = share_sum.find(data.rows[r][id_col]);
        const bool carried = sum != share_sum.end();
        if (!carried) out.ids_not_in_crosswalk.push_back(data.rows[r][id_col]);
        for (std::size_t k = 0; k < ne; ++k) {
            const double x = data.number(r, ext_cols[k]);
            if (std::isnan(x)) continue;
            out.total_before[k] += x;
            if (!carried) out.not_carried[k] += x;
            else out.lost_by_shares[k] += x * (1.0 - sum->second);
        }
    }
    out.split_share.resize(n);
    for (std::size_t t = 0; t < n; ++t) out.split_share[t] = all_part[t] != 0 ? split_part[t] / all_part[t] : 0.0;
    if (crosswalk.has_near_boundary) {
        out.near_boundary_share.resize(n);
        for (std::size_t t = 0; t < n; ++t) out.near_boundary_share[t] = all_part[t] != 0 ? near_part[t] / all_part[t] : 0.0;
    }
    check_totals(out, options);
    return out;
}

std::vector<std::pair<std::string, double>> largest_near_boundary_shares(const ApplyResult& result, std::size_t count) {
    std::vector<std::pair<std::string, double>> out;
    for (std::size_t t = 0; t < result.near_boundary_share.size(); ++t)
        if (result.near_boundary_share[t] > 0) out.emplace_back(result.table.ids()[t], result.near_boundary_share[t]);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (out.size() > count) out.resize(count);
    return out;
}

bool totals_preserved(const ApplyResult& result, std::size_t k) {
    return std::abs(result.total_before[k] - result.not_carried[k] - result.total_after[k]) <=
           kTotalsTolerance * std::max(1.0, std::abs(result.total_before[k]));
}

}  // namespace regio::harmonise
