#include "regio/regionalise/region_summary.hpp"

#include "regio/table/csv_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace regio::regionalise {
namespace {

std::string group_phrase(const Groups& groups, std::size_t g) {
    return groups.names.size() > 1 || !groups.names[g].empty() ? " in group '" + groups.names[g] + "'" : "";
}

// Failing regions are whole connected parts of a group (see max_p.hpp); the
// reason says which kind, so that a statistician knows what to fix.
std::string failure_reason(const Problem& problem, const Groups& groups, const RegionSummary& region) {
    const std::size_t first = region.units.front();
    const std::size_t g = problem.group[first];
    bool any_neighbour = false, leaves_region = false;
    for (std::size_t u : region.units)
        for (std::size_t v : problem.neighbours[u]) {
            any_neighbour = true;
            if (problem.group[v] == g && !std::binary_search(region.units.begin(), region.units.end(), v)) leaves_region = true;
        }
    if (leaves_region) return "short after enclaves joined it";  // possible only with negative values
    if (region.units.size() == 1 && !any_neighbour) return "island (no neighbouring unit)";
    if (region.units.size() == 1) return "no neighbouring unit" + group_phrase(groups, g);
    return fmt::format("all {} connected units{} together", region.units.size(), group_phrase(groups, g));
}

}  // namespace

std::vector<std::string> region_ids(std::size_t count) {
    const std::size_t width = std::max<std::size_t>(4, fmt::format("{}", count).size());
    std::vector<std::string> out;
    out.reserve(count);
    for (std::size_t i = 1; i <= count; ++i) out.push_back(fmt::format("R{:0{}}", i, width));
    return out;
}

std::vector<RegionSummary> summarise(const Problem& problem, const MaxPResult& result, const Groups& groups,
                                     const std::vector<Threshold>& thresholds) {
    const auto ids = region_ids(result.partition.regions);
    std::vector<RegionSummary> out(result.partition.regions);
    for (std::size_t r = 0; r < out.size(); ++r) {
        RegionSummary& s = out[r];
        s.id = ids[r];
        s.units = result.members[r];
        s.sums = problem.sums(s.units);
        for (std::size_t k = 0; k < thresholds.size(); ++k)
            if (!(s.sums[k] >= thresholds[k].minimum)) s.shortfalls.push_back({k, s.sums[k]});
        s.meets = s.shortfalls.empty();
        if (s.meets) continue;
        std::string falls;
        for (const auto& f : s.shortfalls)
            falls += fmt::format("{}{} {} < {}", falls.empty() ? "" : ", ", thresholds[f.threshold].column, f.sum,
                                 thresholds[f.threshold].minimum);
        s.reason = failure_reason(problem, groups, s) + ": " + falls;
    }
    return out;
}

std::string map_csv(const std::vector<std::string>& unit_ids, const Partition& partition,
                    const std::vector<std::string>& region_ids) {
    std::string out = "unit_id,region_id\n";
    for (std::size_t u = 0; u < unit_ids.size(); ++u) {
        out += table::csv_quote(unit_ids[u]);
        out += ',';
        out += region_ids[partition.region_of[u]];
        out += '\n';
    }
    return out;
}

}  // namespace regio::regionalise
