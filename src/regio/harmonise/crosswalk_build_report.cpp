// crosswalk build's report and summary: the keys, order and lines the
// command has always written (tests/cli/crosswalk_*_cli_test.cpp hold them).
#include "regio/harmonise/crosswalk_build_operation.hpp"
#include "regio/harmonise/near_boundary_build.hpp"
#include "regio/harmonise/noise_report.hpp"
#include "regio/regions/checked_regions.hpp"

#include <fmt/format.h>

#include <map>

namespace regio::harmonise {

nlohmann::ordered_json CrosswalkBuildResult::to_json() const {
    const double tolerance = noise_setup.options.tolerance_m;
    nlohmann::ordered_json j;
    j["command"] = "crosswalk build";
    j["from"] = {{"source", from.source}, {"units", from.units}, {"area_m2", from.area_m2}, {"warnings", from.warnings}};
    j["to"] = {{"source", to.source}, {"units", to.units}, {"area_m2", to.area_m2}, {"warnings", to.warnings}};
    regions::add_region_fixes(j, from.fixes, "from_region_fixes");
    regions::add_region_fixes(j, to.fixes, "to_region_fixes");
    j["pieces"] = pieces;
    j["rows"] = built.crosswalk.rows.size();
    nlohmann::ordered_json slivers = nlohmann::ordered_json::array();
    for (const auto& s : built.slivers)
        slivers.push_back({{"from_id", s.from_id}, {"to_id", s.to_id}, {"area_m2", s.area_m2}, {"weight", s.weight}});
    j["slivers"] = slivers;
    if (noise_setup.active())
        j["boundary_noise"] = harmonise::to_json(noise, from.ids, to.ids, tolerance, noise_setup.tolerance_source,
                                                 noise_setup.parents);
    if (advice) j["advice"] = *advice;
    if (built.crosswalk.has_near_boundary) j["near_boundary"] = near_boundary_json(built.crosswalk, tolerance, band_weight);
    j["unmatched_from"] = built.unmatched_from;
    j["unmatched_to"] = built.unmatched_to;
    if (weighted) j["weights"] = {{"source", weights_source}, {"total_in_pieces", weight_total}, {"in_slivers", sliver_weight}};
    if (points) {
        auto& w = j["weights"];
        w["kind"] = "points";
        w["field"] = weights_field.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(weights_field);
        w["points_read"] = points->read;
        w["points_in_pieces"] = points->in_pieces;
        w["points_outside"] = points->outside_count;
        w["points_invalid"] = points->invalid;
        w["outside"] = points->outside;
        nlohmann::ordered_json examples = nlohmann::ordered_json::array();
        for (const auto& e : points->invalid_examples) examples.push_back({{points_ref_kind, e.ref}, {"why", e.why}});
        w["invalid_examples"] = examples;
    } else if (weighted) {
        j["weights"]["kind"] = "raster";
    }
    if (!changes.empty()) {
        std::map<std::string, int> counts;
        for (const auto& c : changes) ++counts[std::string(c.side) + ":" + change_name(c.type)];
        j["changes"] = counts;
    }
    if (!outputs.empty()) j["outputs"] = report::outputs_json(outputs);
    j["timings"] = {{"regions_s", timings.regions}, {"overlay_s", timings.overlay}, {"weights_s", timings.weights},
                    {"write_s", timings.write}};
    if (noise_setup.active()) j["timings"]["noise_s"] = timings.noise;
    if (built.crosswalk.has_near_boundary) j["timings"]["near_boundary_s"] = timings.near_boundary;
    return j;
}

std::string CrosswalkBuildResult::summary() const {
    const double tolerance = noise_setup.options.tolerance_m;
    std::string out = fmt::format("crosswalk: {} x {} units -> {} pieces, {} rows kept, {} slivers ({:.6g} m2) dropped\n",
                                  from.units, to.units, pieces, built.crosswalk.rows.size(), built.slivers.size(), sliver_area);
    out += fmt::format("area: from {:.10g} m2, to {:.10g} m2\n", from.area_m2, to.area_m2);
    if (noise_setup.active()) {
        const NoiseSummary n = summarise(noise);
        std::string rule = tolerance > 0 ? fmt::format("tolerance {:g} m", tolerance) : std::string("no tolerance");
        if (tolerance > 0 && noise_setup.tolerance_source != "option") rule += ", " + noise_setup.tolerance_source;
        if (!noise_setup.parents.empty()) rule += ", within " + noise_setup.parents;
        out += fmt::format("boundary noise: {} pieces ({:.6g} m2, weight {:.6g}) given to their source's main target ({})\n",
                           n.pieces, n.area_m2, n.weight, rule);
    }
    if (built.crosswalk.has_near_boundary) out += near_boundary_build_line(built.crosswalk, tolerance) + '\n';
    if (weighted) out += fmt::format("weights: {:.10g} in pieces, {:.6g} in slivers\n", weight_total, sliver_weight);
    if (points) {
        out += fmt::format("weight points: {} read = {} in pieces + {} outside all pieces + {} invalid\n", points->read,
                           points->in_pieces, points->outside_count, points->invalid);
        if (points->outside_count > 0)
            out += fmt::format("regio: warning: {} weight points ({:.10g}) are outside all pieces (not in both vintages)\n",
                               points->outside_count, points->outside);
        for (const auto& e : points->invalid_examples)
            out += fmt::format("regio: warning: {} {} {}: {}\n", points_display, points_ref_kind, e.ref, e.why);
        const auto shown = static_cast<std::int64_t>(points->invalid_examples.size());
        if (points->invalid > shown)
            out += fmt::format("regio: warning: ... and {} more invalid weight points\n", points->invalid - shown);
    }
    if (advice) out += "regio: warning: " + *advice + "\n";
    if (!built.unmatched_from.empty())
        out += fmt::format("{} source units have no counterpart (discontinued without successor)\n", built.unmatched_from.size());
    if (!built.unmatched_to.empty())
        out += fmt::format("{} target units have no counterpart (new territory)\n", built.unmatched_to.size());
    const CrosswalkBuildTimings& t = timings;
    out += fmt::format("time: {:.2f} s, regions {:.2f} s, overlay {:.2f} s, weights {:.2f} s, write {:.2f} s ({} threads)\n",
                       t.regions + t.overlay + t.weights + t.noise + t.near_boundary + t.write, t.regions, t.overlay, t.weights,
                       t.write, threads);
    return out;
}

}  // namespace regio::harmonise
