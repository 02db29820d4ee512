#include "regio/harmonise/chain_gaps.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <set>

namespace regio::harmonise {
namespace {

Crosswalk keep_rows(const Crosswalk& table, auto&& keep) {
    Crosswalk out;
    out.has_weights = table.has_weights;
    out.has_near_boundary = table.has_near_boundary;
    out.file = table.file;
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        if (keep(table.rows[i])) {
            out.rows.push_back(table.rows[i]);
            if (i < table.lines.size()) out.lines.push_back(table.lines[i]);
        }
    return out;
}

}  // namespace

ChainLinkResult chain_with_gaps(const Crosswalk& ab, const Crosswalk& bc, const std::string& bc_file, MiddleGaps policy) {
    std::set<std::string> middle_targets, middle_sources;
    for (const auto& r : ab.rows) middle_targets.insert(r.to_id);
    for (const auto& r : bc.rows) middle_sources.insert(r.from_id);
    ChainLinkResult result;
    for (const auto& id : middle_targets)
        if (!middle_sources.count(id)) result.discontinued.push_back(id);
    for (const auto& id : middle_sources)
        if (!middle_targets.count(id)) result.new_units.push_back(id);
    const Where where{bc_file};
    if (!result.discontinued.empty() && (policy == MiddleGaps::Strict || result.discontinued.size() * 2 > middle_targets.size()))
        throw DataError(fmt::format("units {} of the middle vintage are not sources in it", fmt::join(result.discontinued, ", ")), where,
                        policy == MiddleGaps::Strict
                            ? "the crosswalks must share the middle vintage (--strict); without it such units are carried as discontinued"
                            : "the crosswalks must share the middle vintage (most of its units do not match)");
    if (!result.new_units.empty() && (policy == MiddleGaps::Strict || result.new_units.size() * 2 > middle_sources.size()))
        throw DataError(fmt::format("units {} of the middle vintage are not targets of the crosswalk before it", fmt::join(result.new_units, ", ")),
                        where,
                        policy == MiddleGaps::Strict
                            ? "the crosswalks must share the middle vintage (--strict); without it such units are carried as new"
                            : "the crosswalks must share the middle vintage (most of its units do not match)");
    // A source is dropped only when all of it goes into discontinued units.
    const std::set<std::string> gone(result.discontinued.begin(), result.discontinued.end());
    std::map<std::string, std::pair<bool, bool>> source_parts;  // (some part kept, some part gone)
    for (const auto& r : ab.rows) (gone.count(r.to_id) ? source_parts[r.from_id].second : source_parts[r.from_id].first) = true;
    for (const auto& [source, parts] : source_parts) {
        if (!parts.second) continue;
        if (parts.first)
            throw DataError(fmt::format("source '{}' goes only partly into discontinued units of the middle vintage; carrying the rest "
                                        "would lose part of it", source),
                            where, "chain with --strict to see every unmatched unit, or fix the crosswalks");
        result.dropped_sources.push_back(source);
    }
    const Crosswalk ab_kept = keep_rows(ab, [&](const CrosswalkRow& r) { return !gone.count(r.to_id); });
    const Crosswalk bc_kept = keep_rows(bc, [&](const CrosswalkRow& r) { return middle_targets.count(r.from_id) > 0; });
    result.chained = chain_crosswalks(ab_kept, bc_kept);
    return result;
}

}  // namespace regio::harmonise
