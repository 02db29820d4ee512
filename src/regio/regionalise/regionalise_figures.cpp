// The figures of a regionalise run (see regionalise_figures.hpp).
#include "regio/regionalise/regionalise_figures.hpp"

#include "regio/io/table_format.hpp"

#include <fmt/format.h>

namespace regio::regionalise {
namespace {

std::vector<std::string> unit_names(const std::vector<std::size_t>& units, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (std::size_t u : units) out.push_back(ids[u]);
    return out;
}

}  // namespace

void add_figures(const Problem& problem, const MaxPResult& maxp, const std::vector<RegionSummary>& summaries, const UnitValues& values,
                 const std::vector<std::string>& unit_ids, RegionaliseResult& out) {
    for (const auto& list : problem.neighbours) {
        out.neighbour_pairs += list.size();
        out.units_without_neighbours += list.empty();
    }
    out.neighbour_pairs /= 2;
    out.runs = maxp.runs;
    out.chosen_run = maxp.chosen_run;
    out.regions = summaries.size();
    for (std::size_t k = 0; k < out.thresholds.size(); ++k)
        out.totals.push_back({out.thresholds[k].column, values.table_total[k], 0.0, values.unmatched_total[k]});
    // Summed in region order, as the command always summed them.
    for (const auto& r : summaries) {
        for (std::size_t k = 0; k < out.totals.size(); ++k) out.totals[k].in_regions += r.sums[k];
        if (r.meets) continue;
        FailingRegion& f = out.failing_regions.emplace_back(FailingRegion{r.id, unit_names(r.units, unit_ids), {}, r.reason});
        for (const auto& s : r.shortfalls) f.failing.push_back({out.thresholds[s.threshold].column, s.sum, out.thresholds[s.threshold].minimum});
    }
}

// Passed after the outputs are in place, as the command printed them before
// it became an operation.
void pass_warnings(RegionaliseResult& out, const WarningFn& warn) {
    if (!out.units_without_data.empty())
        out.warnings.push_back(fmt::format("{} units have no data row and count 0: {}", out.units_without_data.size(), list_some(out.units_without_data)));
    if (!out.rows_without_unit.empty())
        out.warnings.push_back(fmt::format("{} data rows have no unit and are left out: {}", out.rows_without_unit.size(), list_some(out.rows_without_unit)));
    for (const auto& r : out.failing_regions)
        out.warnings.push_back(fmt::format("region {} ({}) does not meet the thresholds: {}", r.id, list_some(r.units), r.reason));
    if (warn)
        for (const auto& w : out.warnings) warn(w);
}

}  // namespace regio::regionalise
