#include "regio/aggregate/points_report.hpp"

#include <fmt/format.h>

namespace regio::aggregate {
namespace {

// "points.csv:12" for a line, "points.gpkg:layer: feature 12" for a feature.
std::string record_where(const PointsReport& report, std::int64_t ref) {
    return report.ref_kind == "line" ? fmt::format("{}:{}", report.points_source, ref)
                                     : fmt::format("{}: feature {}", report.points_source, ref);
}

}  // namespace

nlohmann::ordered_json to_json(const PointsReport& report, const PointsResult& result) {
    const PointTally& t = result.tally;
    nlohmann::ordered_json j;
    j["command"] = "aggregate points";
    j["regions"] = {{"source", report.regions_source}, {"count", report.region_count},
                    {"warnings", report.region_warnings}};
    nlohmann::ordered_json points;
    points["source"] = report.points_source;
    points["read"] = result.read;
    points["assigned"] = t.assigned_count();
    points["outside"] = t.outside_count();
    points["invalid"] = t.invalid();
    points["conserved"] = result.conserved();
    nlohmann::ordered_json weights = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < report.weight_names.size(); ++k)
        weights[report.weight_names[k]] = {{"read", result.read_sums[k].value()},
                                           {"assigned", t.assigned_sum(k).value()},
                                           {"outside", t.outside_sum(k).value()},
                                           {"invalid", t.invalid_sum(k).value()}};
    points["weights"] = weights;
    nlohmann::ordered_json examples = nlohmann::ordered_json::array();
    for (const auto& e : result.invalid_examples)
        examples.push_back({{"where", record_where(report, e.ref)},
                            {report.ref_kind, e.ref},
                            {"why", e.why}});
    points["invalid_examples"] = examples;
    // The first records outside every region, with their coordinates as
    // read, so that they can be found (issue #18 item 8).
    nlohmann::ordered_json outside = nlohmann::ordered_json::array();
    for (const auto& e : result.outside_examples)
        outside.push_back({{"where", record_where(report, e.ref)}, {report.ref_kind, e.ref}, {"x", e.x}, {"y", e.y}});
    points["outside_examples"] = outside;
    j["points"] = points;
    j["threads"] = report.threads;
    nlohmann::ordered_json timings = nlohmann::ordered_json::object();
    for (const auto& s : report.timings) timings[s.step + "_s"] = s.seconds;
    j["timings"] = timings;
    return j;
}

std::string summary_text(const PointsReport& report, const PointsResult& result) {
    const PointTally& t = result.tally;
    std::string out = fmt::format("points: {} read = {} assigned + {} outside all regions + {} invalid{}\n", result.read,
                                  t.assigned_count(), t.outside_count(), t.invalid(),
                                  result.conserved() ? "" : "  (NOT CONSERVED)");
    for (std::size_t k = 0; k < report.weight_names.size(); ++k)
        out += fmt::format("{}: {} read = {} assigned + {} outside + {} invalid\n", report.weight_names[k],
                           result.read_sums[k].value(), t.assigned_sum(k).value(), t.outside_sum(k).value(),
                           t.invalid_sum(k).value());
    for (const auto& e : result.invalid_examples)
        out += fmt::format("  invalid: {}: {}\n", record_where(report, e.ref), e.why);
    if (t.invalid() > static_cast<std::int64_t>(result.invalid_examples.size()))
        out += fmt::format("  ... and {} more invalid records\n", t.invalid() - static_cast<std::int64_t>(result.invalid_examples.size()));
    for (const auto& e : result.outside_examples)
        out += fmt::format("  outside: {}: at ({}, {})\n", record_where(report, e.ref), e.x, e.y);
    if (t.outside_count() > static_cast<std::int64_t>(result.outside_examples.size()))
        out += fmt::format("  ... and {} more records outside all regions\n",
                           t.outside_count() - static_cast<std::int64_t>(result.outside_examples.size()));
    double total = 0;
    for (const auto& s : report.timings) total += s.seconds;
    out += fmt::format("time: {:.2f} s", total);
    for (const auto& s : report.timings) out += fmt::format(", {} {:.2f} s", s.step, s.seconds);
    out += fmt::format(" ({} threads)\n", report.threads);
    return out;
}

}  // namespace regio::aggregate
