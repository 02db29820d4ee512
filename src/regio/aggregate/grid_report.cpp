#include "regio/aggregate/grid_report.hpp"

#include <fmt/format.h>

#include <cmath>

namespace regio::aggregate {

double conservation_error(const GridResult& result, std::size_t value) {
    // Where regions overlap, a cell's value is counted in each of them: that
    // part is accounted for (and reported), not an error.
    const double inside = result.inside_regions[value];
    const double overlaps = value < result.in_overlaps.size() ? result.in_overlaps[value] : 0.0;
    const double diff = std::abs(result.allocated(value) - inside - overlaps);
    return inside == 0 ? diff : diff / std::abs(inside);
}

nlohmann::ordered_json to_json(const GridReport& report, const GridResult& result) {
    nlohmann::ordered_json j;
    j["command"] = "aggregate grid";
    j["regions"] = {{"source", report.regions_source}, {"count", report.region_count},
                    {"warnings", report.region_warnings}};
    j["grid"] = {{"source", report.grid_source},
                 {"method", report.method},
                 {"cells", result.cells},
                 {"cell_area", result.cell_area}};
    nlohmann::ordered_json values = nlohmann::ordered_json::object();
    for (std::size_t v = 0; v < result.value_names.size(); ++v)
        values[result.value_names[v]] = {{"grid_total", result.grid_total[v]},
                                         {"allocated", result.allocated(v)},
                                         {"outside", result.outside(v)},
                                         {"inside_regions", result.inside_regions[v]},
                                         {"in_overlaps", v < result.in_overlaps.size() ? result.in_overlaps[v] : 0.0},
                                         {"conservation_error", conservation_error(result, v)},
                                         {"conserved", conservation_error(result, v) <= kConservationTolerance},
                                         {"nodata_cells", result.nodata_cells[v]},
                                         {"unallocated", result.unallocated[v]}};
    if (!report.dasymetric_fallback.empty())
        for (std::size_t v = 0; v < result.value_names.size(); ++v)
            values[result.value_names[v]]["spread_evenly_without_weights"] = report.dasymetric_fallback[v],
            values[result.value_names[v]]["beyond_weights_grid"] = report.beyond_weights[v];
    j["values"] = values;
    j["threads"] = report.threads;
    nlohmann::ordered_json timings = nlohmann::ordered_json::object();
    for (const auto& s : report.timings) timings[s.step + "_s"] = s.seconds;
    j["timings"] = timings;
    return j;
}

std::string summary_text(const GridReport& report, const GridResult& result) {
    std::string out;
    for (std::size_t v = 0; v < result.value_names.size(); ++v) {
        out += fmt::format("{}: grid total {:.10g} = {:.10g} allocated + {:.10g} outside all regions", result.value_names[v],
                           result.grid_total[v], result.allocated(v), result.outside(v));
        if (v < result.in_overlaps.size() && result.in_overlaps[v] > 1e-12 * std::abs(result.inside_regions[v]))
            out += fmt::format(" - {:.10g} counted in more than one region where regions overlap", result.in_overlaps[v]);
        if (result.unallocated[v] != 0) out += fmt::format(" (+ {:.10g} in rows without a cell)", result.unallocated[v]);
        out += fmt::format("; {} no-data cells; conservation error {:.2e}\n", result.nodata_cells[v],
                           conservation_error(result, v));
        if (!report.dasymetric_fallback.empty())
            out += fmt::format("{}: dasymetric over the weights grid's extent; {:.10g} sat in cells without weight and "
                               "was spread evenly; {:.10g} lies beyond the weights grid (not allocated)\n",
                               result.value_names[v], report.dasymetric_fallback[v], report.beyond_weights[v]);
    }
    double total = 0;
    for (const auto& s : report.timings) total += s.seconds;
    out += fmt::format("time: {:.2f} s", total);
    for (const auto& s : report.timings) out += fmt::format(", {} {:.2f} s", s.step, s.seconds);
    out += fmt::format(" ({} threads, {} cells)\n", report.threads, result.cells);
    return out;
}

}  // namespace regio::aggregate
