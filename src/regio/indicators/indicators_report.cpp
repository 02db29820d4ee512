// The report and the summary of `regio indicators` (IndicatorsResult).
#include "regio/indicators/cell_key_report.hpp"
#include "regio/indicators/indicators_operation.hpp"
#include "regio/regions/checked_regions.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <utility>

namespace regio::indicators {
namespace {

nlohmann::ordered_json ids_json(const table::IdSample& ids) {
    return {{"count", ids.count}, {"first", ids.first}};
}

std::size_t flag_count(const Result& table, Flag flag) { return table.flags.count(flag) ? table.flags.at(flag) : 0; }

// Regions per level: the NUTS level with --rollup nuts, else the distance from the top.
nlohmann::ordered_json levels_json(const Hierarchy& h) {
    std::map<int, std::pair<std::size_t, std::size_t>, std::greater<>> levels;
    for (std::size_t r = 0; r < h.size(); ++r) ++(h.data_row[r] ? levels[h.depth[r]].first : levels[h.depth[r]].second);
    nlohmann::ordered_json lv = nlohmann::ordered_json::array();
    for (const auto& [level, n] : levels) lv.push_back({{"level", level}, {"data_regions", n.first}, {"parent_regions", n.second}});
    return lv;
}

}  // namespace

nlohmann::ordered_json IndicatorsResult::to_json(const IndicatorsRequest& request) const {
    const Definitions& defs = definitions;
    nlohmann::ordered_json j;
    j["command"] = "indicators";
    j["inputs"] = {{"data", request.data}, {"id", request.id}, {"definitions", request.definitions}, {"data_rows", data_rows}};
    j["definition"] = std::string(definition_name(defs.groups.definition));
    j["reference"] = defs.groups.reference;
    j["disclosure"] = {{"t_min", defs.disclosure.t_min},
                       {"publish_zero", defs.disclosure.publish_zero},
                       {"complement_check", defs.disclosure.complement_check}};
    nlohmann::ordered_json names = nlohmann::ordered_json::array();
    for (const auto& i : defs.indicators) names.push_back(i.name);
    j["indicators"] = names;
    const std::string& rollup = request.rollup;
    j["rollup"] = {{"mode", rollup.empty() ? "none" : rollup == "nuts" ? "nuts" : "field"},
                   {"field", rollup == "nuts" ? "" : rollup},
                   {"parent_regions", hierarchy.size() - data_rows},
                   {"levels", levels_json(hierarchy)}};
    j["rows"] = table.rows.size();
    nlohmann::ordered_json flags;
    for (const auto f : {Flag::Ok, Flag::Suppressed, Flag::ZeroDenominator, Flag::NoData, Flag::Perturbed})
        flags[std::string(flag_name(f))] = flag_count(table, f);
    j["flags"] = flags;
    j["suppressed_cells"] = {{"primary", table.primary}, {"rate", table.rate}, {"secondary", table.secondary}};
    if (uses_method(defs, DisclosureMethod::CellKey)) j["cell_key"] = cell_key_json(outcomes);
    j["protection"] = protection_json(defs, outcomes);
    if (!warnings.empty()) j["warnings"] = warnings;
    if (join) {
        j["rows_without_region"] = ids_json(join->rows_without_region);
        j["regions_without_row"] = ids_json(join->regions_without_row);
        regions::add_region_fixes(j, region_fixes);
    }
    if (form == OutputForm::Wide) j["outputs"] = report::outputs_json(tables);
    return j;
}

std::string IndicatorsResult::summary() const {
    const Definitions& defs = definitions;
    const bool cell_key = uses_method(defs, DisclosureMethod::CellKey);
    std::string out = fmt::format("indicators: {} regions ({} parents) x {} indicators -> {} rows\n", hierarchy.size(),
                                  hierarchy.size() - data_rows, defs.indicators.size(), table.rows.size());
    out += fmt::format("flags: ok {}, suppressed {}, zero_denominator {}, no_data {}", flag_count(table, Flag::Ok),
                       flag_count(table, Flag::Suppressed), flag_count(table, Flag::ZeroDenominator), flag_count(table, Flag::NoData));
    out += cell_key ? fmt::format(", perturbed {}\n", flag_count(table, Flag::Perturbed)) : "\n";
    out += methods_text(defs, outcomes);
    if (cell_key) out += summary_text(perturbed_utility(outcomes));
    if (uses_method(defs, DisclosureMethod::Suppression))
        out += fmt::format("suppressed cells: primary {}, rate {}, secondary {} (t_min {})\n", table.primary, table.rate,
                           table.secondary, defs.disclosure.t_min);
    return out;
}

}  // namespace regio::indicators
