#include "regio/harmonise/crosswalk_check.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <utility>

namespace regio::harmonise {

const char* share_field(ShareColumn column) {
    return column == ShareColumn::Area ? "area_share_from" : "weight_share_from";
}

namespace {

Where where_of(const Crosswalk& cw, std::size_t row, const std::string& field) {
    Where w{cw.file, {}, {}, {}, field};
    if (row < cw.lines.size()) w.line = cw.lines[row];
    return w;
}

struct NumberField {
    const char* name;
    double CrosswalkRow::*member;
    bool is_share;
};

// Every number of a row: finite, >= 0, shares at most 1.
void check_numbers(const Crosswalk& cw, std::size_t r) {
    static const NumberField area[] = {{"area_m2", &CrosswalkRow::area_m2, false},
                                       {"area_share_from", &CrosswalkRow::area_share_from, true},
                                       {"area_share_to", &CrosswalkRow::area_share_to, true}};
    static const NumberField weight[] = {{"weight", &CrosswalkRow::weight, false},
                                         {"weight_share_from", &CrosswalkRow::weight_share_from, true},
                                         {"weight_share_to", &CrosswalkRow::weight_share_to, true}};
    const CrosswalkRow& row = cw.rows[r];
    auto check = [&](const NumberField& f) {
        const double v = row.*f.member;
        const std::string source = "source '" + row.from_id + "': ";
        if (std::isnan(v)) throw DataError(source + "the value is empty or NaN", where_of(cw, r, f.name));
        if (!std::isfinite(v)) throw DataError(source + "the value is infinite", where_of(cw, r, f.name));
        if (f.is_share && (v < 0 || v > 1))
            throw DataError(fmt::format("{}share {:.15g} is outside [0, 1]", source, v), where_of(cw, r, f.name));
        if (v < 0) throw DataError(fmt::format("{}value {:.15g} is negative", source, v), where_of(cw, r, f.name));
    };
    static const NumberField near_area{"near_boundary_area_share", &CrosswalkRow::near_boundary_area_share, true};
    static const NumberField near_weight{"near_boundary_weight_share", &CrosswalkRow::near_boundary_weight_share, true};
    for (const auto& f : area) check(f);
    if (cw.has_weights)
        for (const auto& f : weight) check(f);
    if (cw.has_near_boundary) check(near_area);
    if (cw.has_near_boundary && cw.has_weights) check(near_weight);
}

}  // namespace

std::vector<UnbalancedSource> check_crosswalk(const Crosswalk& cw, const std::vector<ShareColumn>& used, ShareSums sums) {
    if (cw.rows.empty()) throw DataError("the crosswalk has no rows", Where{cw.file});
    for (const ShareColumn c : used)
        if (c == ShareColumn::Weight && !cw.has_weights)
            throw DataError("the crosswalk has no weight columns; build it with --weights, or use --weight area", Where{cw.file});
    // Sources in order of first appearance, with their first row and sums.
    struct Source {
        std::size_t first_row;
        double area = 0;
        double weight = 0;
    };
    std::map<std::string, std::size_t> source_index;
    std::vector<std::pair<std::string, Source>> sources;
    std::map<std::pair<std::string, std::string>, std::size_t> pair_row;
    for (std::size_t r = 0; r < cw.rows.size(); ++r) {
        const CrosswalkRow& row = cw.rows[r];
        if (row.from_id.empty()) throw DataError("empty source id", where_of(cw, r, "from_id"));
        if (row.to_id.empty()) throw DataError("source '" + row.from_id + "': empty target id", where_of(cw, r, "to_id"));
        const auto [it, fresh] = pair_row.emplace(std::make_pair(row.from_id, row.to_id), r);
        if (!fresh) {
            const std::string first = it->second < cw.lines.size() ? "line " + std::to_string(cw.lines[it->second])
                                                                   : "row " + std::to_string(it->second + 1);
            throw DataError("source '" + row.from_id + "' and target '" + row.to_id + "' repeat the pair of " + first,
                            where_of(cw, r, "to_id"), "a crosswalk has one row per source-target pair: add up the pieces");
        }
        check_numbers(cw, r);
        const auto [s, added] = source_index.emplace(row.from_id, sources.size());
        if (added) sources.push_back({row.from_id, Source{r}});
        Source& source = sources[s->second].second;
        source.area += row.area_share_from;
        source.weight += row.weight_share_from;
    }
    std::vector<UnbalancedSource> unbalanced;
    for (const auto& [id, source] : sources)
        for (const ShareColumn c : used) {
            const double sum = c == ShareColumn::Area ? source.area : source.weight;
            if (std::abs(sum - 1.0) <= kShareSumTolerance) continue;
            if (sums == ShareSums::MustBeOne)
                throw DataError(fmt::format("source '{}': its shares sum to {:.15g}, not 1", id, sum),
                                where_of(cw, source.first_row, share_field(c)),
                                "a crosswalk moves each source unit whole: its shares must sum to 1 within 1e-9 "
                                "(--accept-loss applies it anyway and reports what is lost or invented)");
            const std::int64_t line = source.first_row < cw.lines.size() ? cw.lines[source.first_row] : 0;
            unbalanced.push_back({id, c, sum, line});
        }
    return unbalanced;
}

}  // namespace regio::harmonise
