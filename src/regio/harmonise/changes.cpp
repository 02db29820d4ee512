#include "regio/harmonise/changes.hpp"

#include <algorithm>
#include <unordered_map>

namespace regio::harmonise {

const char* change_name(ChangeType type) {
    switch (type) {
        case ChangeType::Unchanged: return "unchanged";
        case ChangeType::Recoded: return "recoded";
        case ChangeType::Renamed: return "renamed";
        case ChangeType::BoundaryShift: return "boundary_shift";
        case ChangeType::Split: return "split";
        case ChangeType::Merged: return "merged";
        case ChangeType::SplitMerge: return "split_merge";
        case ChangeType::New: return "new";
        case ChangeType::Discontinued: return "discontinued";
    }
    return "?";
}

namespace {

// "More than half", with room for the rounding of reprojected boundaries: an
// exact half split must not flip between two types on noise.
constexpr double kMoreThanHalf = 0.5 + 1e-6;

struct Link {
    std::size_t other;  // index on the other side
    double share_own;   // share of this unit going to/from the other
    double share_other;
};

}  // namespace

std::vector<Change> classify_changes(const Crosswalk& crosswalk, const std::vector<std::string>& from_ids,
                                     const std::vector<std::string>& to_ids, const std::vector<std::string>* from_names,
                                     const std::vector<std::string>* to_names, const ChangeOptions& options) {
    std::unordered_map<std::string, std::size_t> from_index, to_index;
    for (std::size_t i = 0; i < from_ids.size(); ++i) from_index.emplace(from_ids[i], i);
    for (std::size_t i = 0; i < to_ids.size(); ++i) to_index.emplace(to_ids[i], i);
    std::vector<std::vector<Link>> out_links(from_ids.size()), in_links(to_ids.size());
    for (const auto& row : crosswalk.rows) {
        const auto f = from_index.find(row.from_id);
        const auto t = to_index.find(row.to_id);
        if (f == from_index.end() || t == to_index.end()) continue;
        out_links[f->second].push_back({t->second, row.area_share_from, row.area_share_to});
        in_links[t->second].push_back({f->second, row.area_share_to, row.area_share_from});
    }
    const double same = 1.0 - options.unchanged_tolerance;
    // See the rule where it is used.
    auto merged_wholly = [&](const std::vector<std::vector<Link>>& mine, const std::vector<std::vector<Link>>& theirs,
                             std::size_t i, bool from_side) {
        if (from_side)
            return std::any_of(mine[i].begin(), mine[i].end(),
                               [&](const Link& l) { return l.share_own >= same && theirs[l.other].size() > 1; });
        return mine[i].size() > 1 &&
               std::any_of(mine[i].begin(), mine[i].end(), [&](const Link& l) { return l.share_other >= same; });
    };
    auto shift_detail = [&](const Link& l) {
        return (1 - l.share_own < options.minor_shift && 1 - l.share_other < options.minor_shift) ? "minor" : "major";
    };

    // One side's view; `mine`/`theirs` are the links from this side and back.
    auto classify = [&](const std::vector<std::vector<Link>>& mine, const std::vector<std::vector<Link>>& theirs,
                        std::size_t i, bool from_side) -> Change {
        const auto& ids = from_side ? from_ids : to_ids;
        const auto& other_ids = from_side ? to_ids : from_ids;
        const auto* names = from_side ? from_names : to_names;
        const auto* other_names = from_side ? to_names : from_names;
        Change c{from_side ? "from" : "to", ids[i], ChangeType::Unchanged, {}, {}};
        for (const Link& l : mine[i]) c.counterparts.push_back(other_ids[l.other]);
        std::sort(c.counterparts.begin(), c.counterparts.end());
        if (mine[i].empty()) {
            c.type = from_side ? ChangeType::Discontinued : ChangeType::New;
            return c;
        }
        const bool one_to_one = mine[i].size() == 1 && theirs[mine[i][0].other].size() == 1;
        if (one_to_one) {
            const Link& l = mine[i][0];
            const bool same_id = ids[i] == other_ids[l.other];
            if (l.share_own >= same && l.share_other >= same) {
                if (!same_id) c.type = ChangeType::Recoded;
                else if (names && other_names && (*names)[i] != (*other_names)[l.other]) c.type = ChangeType::Renamed;
                else c.type = ChangeType::Unchanged;
                return c;
            }
            c.type = ChangeType::BoundaryShift;  // same partner, territory gained or lost (e.g. to the sea)
            c.detail = shift_detail(l);
            return c;
        }
        // The unit continues under its own id: what it exchanged with other
        // units is a boundary shift.
        for (const Link& l : mine[i])
            if (ids[i] == other_ids[l.other]) {
                c.type = ChangeType::BoundaryShift;
                c.detail = shift_detail(l);
                return c;
            }
        // A unit that goes wholly into one target which also receives other
        // units is merged into it, whatever happens to those other units: the
        // official record types NO021 Hedmark merged into NO020 Innlandet
        // although part of the other source, NO022 Oppland, went elsewhere
        // (nuts-lau.md §3.1). The target that receives a unit wholly, and
        // others, is the merged unit on the other side.
        if (merged_wholly(mine, theirs, i, from_side)) {
            c.type = ChangeType::Merged;
            return c;
        }
        // Otherwise: split (from side) / merged (to side) when every partner
        // has this unit alone; merged into (from side) / split from (to side)
        // when this unit has one partner whose parts all have it alone; else
        // both at once.
        bool pure;
        if (mine[i].size() > 1) {
            pure = std::all_of(mine[i].begin(), mine[i].end(), [&](const Link& l) { return theirs[l.other].size() == 1; });
            c.type = from_side ? ChangeType::Split : ChangeType::Merged;
        } else {
            const auto& partner_links = theirs[mine[i][0].other];
            pure = std::all_of(partner_links.begin(), partner_links.end(),
                               [&](const Link& back) { return mine[back.other].size() == 1; });
            c.type = from_side ? ChangeType::Merged : ChangeType::Split;
        }
        if (pure) return c;
        // Many to many. A unit that is most of one partner, which is mostly
        // it (more than half both ways), continues as that partner with a
        // shifted boundary (e.g. a recode with boundary change); otherwise it
        // is split and merged at once.
        for (const Link& l : mine[i])
            if (l.share_own > kMoreThanHalf && l.share_other > kMoreThanHalf) {
                c.type = ChangeType::BoundaryShift;
                c.detail = shift_detail(l);
                return c;
            }
        c.type = ChangeType::SplitMerge;
        return c;
    };
    std::vector<Change> out;
    for (std::size_t i = 0; i < from_ids.size(); ++i) out.push_back(classify(out_links, in_links, i, true));
    for (std::size_t i = 0; i < to_ids.size(); ++i) out.push_back(classify(in_links, out_links, i, false));
    return out;
}

}  // namespace regio::harmonise
