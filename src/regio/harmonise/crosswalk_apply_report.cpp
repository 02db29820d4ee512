// The report, summary and warnings of crosswalk apply (crosswalk_apply_operation.hpp).
#include "regio/harmonise/crosswalk_apply_operation.hpp"
#include "regio/harmonise/crosswalk_apply_warnings.hpp"

#include "regio/harmonise/apply_uncertainty.hpp"
#include "regio/harmonise/crosswalk_check.hpp"
#include "regio/table/id_list.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace regio::harmonise {
namespace {

// "count: 100 before = 90 after + 10 not carried", with what shares that do
// not sum to 1 lost or invented when that was accepted: the line states what
// happened, term by term (the library checks that the terms add up).
std::string totals_equation(const std::string& column, const ApplyResult& result, std::size_t k) {
    std::string line = fmt::format("{}: {:.10g} before = {:.10g} after + {:.10g} not carried", column, result.total_before[k],
                                   result.total_after[k], result.not_carried[k]);
    const double lost = result.lost_by_shares[k];
    if (!totals_preserved(result, k))
        line += lost >= 0 ? fmt::format(" + {:.10g} lost by shares below 1", lost)
                          : fmt::format(" - {:.10g} invented by shares above 1", -lost);
    // The output column sums to less than "after" where targets are written
    // empty: say how much of it went there.
    if (result.in_empty_targets[k] != 0)
        line += fmt::format(" ({:.10g} of the after in targets written empty: a source of theirs has no value)",
                            result.in_empty_targets[k]);
    return line;
}

}  // namespace

nlohmann::ordered_json CrosswalkApplyResult::to_json(const CrosswalkApplyRequest& request) const {
    const ApplyResult& r = carried;
    nlohmann::ordered_json j;
    j["command"] = "crosswalk apply";
    j["crosswalk"] = request.crosswalk;
    j["data"] = request.data;
    j["weight"] = weight_name(weighting.weight);
    j["weight_chosen"] = weighting.choice == WeightChoice::Requested ? "by --weight" : "default";
    nlohmann::ordered_json totals = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < extensive.size(); ++k)
        totals[extensive[k]] = {{"before", r.total_before[k]},
                                {"after", r.total_after[k]},
                                {"not_carried", r.not_carried[k]},
                                {"lost_by_shares", r.lost_by_shares[k]},
                                {"in_targets_written_empty", r.in_empty_targets[k]},
                                {"preserved", totals_preserved(r, k)}};
    j["totals"] = totals;
    j["ids_not_in_crosswalk"] = r.ids_not_in_crosswalk;
    j["sources_not_in_data"] = r.sources_not_in_data;
    nlohmann::ordered_json unbalanced = nlohmann::ordered_json::array();
    for (const auto& u : r.unbalanced_sources)
        unbalanced.push_back({{"from_id", u.from_id}, {"field", share_field(u.column)}, {"sum", u.sum}, {"line", u.line}});
    j["unbalanced_sources"] = unbalanced;
    nlohmann::ordered_json uncertainty = nlohmann::ordered_json::object();
    for (std::size_t t = 0; t < r.table.rows(); ++t) uncertainty[r.table.ids()[t]] = r.split_share[t];
    j["share_from_split_sources"] = uncertainty;
    if (near_boundary) {
        nlohmann::ordered_json near = nlohmann::ordered_json::object();
        for (std::size_t t = 0; t < r.table.rows(); ++t) near[r.table.ids()[t]] = r.near_boundary_share[t];
        j["share_from_near_boundary_weight"] = near;
    }
    j["outputs"] = report::outputs_json(outputs);
    return j;
}

std::string CrosswalkApplyResult::summary() const {
    std::string text = weight_summary(weighting);
    for (std::size_t k = 0; k < extensive.size(); ++k) text += '\n' + totals_equation(extensive[k], carried, k);
    if (near_boundary) text += '\n' + near_boundary_line(carried, extensive);
    return text;
}

std::vector<std::string> apply_warnings(const ApplyResult& carried, const std::string& crosswalk_path) {
    std::vector<std::string> warnings;
    for (const auto& u : carried.unbalanced_sources)
        warnings.push_back(fmt::format("{}: line {}: field '{}': source '{}': its shares sum to {:.15g}, not 1 "
                                       "(accepted by --accept-loss)",
                                       crosswalk_path, u.line, share_field(u.column), u.from_id, u.sum));
    if (!carried.ids_not_in_crosswalk.empty())
        warnings.push_back(fmt::format("{} data rows have ids the crosswalk does not know (not carried): {}",
                                       carried.ids_not_in_crosswalk.size(), table::format_first_ids(carried.ids_not_in_crosswalk)));
    if (!carried.sources_not_in_data.empty())
        warnings.push_back(fmt::format("{} crosswalk sources have no data row: {}", carried.sources_not_in_data.size(),
                                       table::format_first_ids(carried.sources_not_in_data)));
    return warnings;
}

}  // namespace regio::harmonise
