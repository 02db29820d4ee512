#include "regio/render/map_report.hpp"

namespace regio::render {

nlohmann::ordered_json to_json(const MapReport& report, const ChoroplethPlan& plan) {
    nlohmann::ordered_json j;
    j["command"] = "map";
    j["regions"] = {{"source", report.regions_source}, {"count", report.region_count}};
    j["data"] = {{"source", report.data_source.empty() ? report.regions_source : report.data_source},
                 {"field", report.field},
                 {"regions_without_row", report.regions_without_row},
                 {"rows_without_region", report.rows_without_region}};
    j["panels"] = report.panels;
    nlohmann::ordered_json classes = nlohmann::ordered_json::array();
    const auto& c = plan.classes;
    for (std::size_t k = 0; k < c.k(); ++k)
        classes.push_back({{"class", k + 1},
                           {"lower", k == 0 ? c.lowest : c.bins[k - 1]},
                           {"upper", c.bins[k]},
                           {"label", k < plan.labels.size() ? plan.labels[k] : std::string()},
                           {"color", k < plan.colors.size() ? plan.colors[k] : std::string()},
                           {"count", k < c.counts.size() ? c.counts[k] : 0}});
    j["classification"] = {{"method", report.method}, {"k", c.k()}, {"breaks", c.bins}, {"classes", classes}};
    // Areas are (region, panel) pairs: with small multiples a region counts once per panel.
    j["areas"] = {{"classified", plan.region_class.size() - plan.nodata - plan.confidential},
                  {"no_data", plan.nodata},
                  {"confidential", plan.confidential}};
    j["simplify_px"] = report.simplify_px;
    nlohmann::ordered_json outputs = nlohmann::ordered_json::object();
    for (const auto& [option, file] : report.outputs) outputs[option] = file;
    j["outputs"] = outputs;
    j["warnings"] = report.warnings;
    return j;
}

}  // namespace regio::render
