// The report and the summary of `regio regionalise`: the keys, their order
// and the lines are those of the command before it became an operation.
#include "regio/regionalise/regionalise_operation.hpp"

#include "regio/regions/checked_regions.hpp"

#include <fmt/format.h>

namespace regio::regionalise {
namespace {

using json = nlohmann::ordered_json;

json failing_json(const std::vector<FailingRegion>& regions) {
    json fails = json::array();
    for (const auto& r : regions) {
        json shortfalls = json::array();
        for (const auto& f : r.failing) shortfalls.push_back({{"column", f.column}, {"sum", f.sum}, {"minimum", f.minimum}});
        fails.push_back({{"region_id", r.id}, {"units", r.units}, {"failing", shortfalls}, {"reason", r.reason}});
    }
    return fails;
}

}  // namespace

json RegionaliseResult::to_json(const RegionaliseRequest& request) const {
    json j;
    j["command"] = "regionalise";
    j["units"] = {{"source", units_source}, {"count", units}, {"warnings", unit_warnings}};
    regions::add_region_fixes(j, unit_fixes);
    j["data"] = {{"source", request.data}, {"rows", data_rows}, {"units_without_data", units_without_data},
                 {"rows_without_unit", rows_without_unit}};
    json th = json::array();
    for (const auto& t : thresholds) th.push_back({{"column", t.column}, {"minimum", t.minimum}});
    j["thresholds"] = th;
    j["within"] = !request.within.empty()   ? json{{"field", request.within}}
                  : request.within_prefix ? json{{"id_prefix", request.within_prefix}}
                                          : json(nullptr);
    j["groups"] = groups;
    j["contiguity"] = {{"rule", contiguity_name(request.contiguity)}, {"tolerance", request.tolerance},
                       {"neighbour_pairs", neighbour_pairs}, {"units_without_neighbours", units_without_neighbours}};
    json run_list = json::array();
    for (std::size_t i = 0; i < runs.size(); ++i)
        run_list.push_back({{"run", i}, {"regions", runs[i].regions}, {"meeting", runs[i].meeting}, {"compactness", runs[i].compactness}});
    j["seed"] = request.seed;
    j["runs"] = run_list;
    j["chosen_run"] = chosen_run;
    j["regions"] = regions;
    j["regions_meeting"] = regions - regions_failing();
    j["regions_failing"] = regions_failing();
    j["compactness"] = compactness();
    j["failing_regions"] = failing_json(failing_regions);
    json column_totals = json::object();
    for (const auto& t : totals)
        column_totals[t.column] = {{"table", t.table}, {"in_regions", t.in_regions}, {"rows_without_unit", t.rows_without_unit},
                                   {"preserved", t.preserved()}};
    j["totals"] = column_totals;
    j["timings"] = {{"read_s", read_s}, {"graph_s", graph_s}, {"regions_s", regions_s}, {"write_s", write_s}};
    j["outputs"] = report::outputs_json(outputs);
    return j;
}

std::string RegionaliseResult::summary(const RegionaliseRequest& request) const {
    std::string text = fmt::format("regionalise: {} units in {} groups, {} neighbour pairs ({}) -> {} regions ({} meet every threshold, {} fail)\n",
                                   units, groups, neighbour_pairs, contiguity_name(request.contiguity), regions,
                                   regions - regions_failing(), regions_failing());
    text += fmt::format("run {} of {} chosen (seed {}), compactness {:.6g}\n", chosen_run, runs.size(), request.seed, compactness());
    for (const auto& t : totals)
        text += fmt::format("{}: {:.10g} in the table = {:.10g} in regions + {:.10g} in rows without a unit\n", t.column, t.table,
                            t.in_regions, t.rows_without_unit);
    text += fmt::format("time: {:.2f} s, read {:.2f} s, graph {:.2f} s, regions {:.2f} s, write {:.2f} s", read_s + graph_s + regions_s + write_s,
                        read_s, graph_s, regions_s, write_s);
    return text;
}

}  // namespace regio::regionalise
