// What regio map reports: the JSON of --report (render/map_report) and the
// summary line(s) on stderr.
#include "regio/maps/map_operation.hpp"

#include <fmt/format.h>

namespace regio::maps {

nlohmann::ordered_json MapResult::to_json() const { return render::to_json(report, plan); }

std::string MapResult::summary() const {
    const bool categorical = kind == MapKind::Categorical;
    std::string what = fmt::format("{} regions", report.region_count);
    if (panels > 1 || !facet.empty()) what += fmt::format(" x {} panels ({})", panels, facet);
    if (in_insets) what += fmt::format(" ({} in insets)", in_insets);
    const std::string confidential = plan.confidential ? fmt::format(", {} confidential", plan.confidential) : std::string();
    std::string out = fmt::format("map: {}, {} {} ({}), {} without data{}; {} bytes of SVG", what, plan.classes.k(),
                                  categorical ? "categories" : "classes", categorical ? "categorical" : method, plan.nodata,
                                  confidential, svg_bytes);
    if (topology_restored > 0)
        out += fmt::format("\nsimplify: {} points kept beyond the tolerance so that no border crosses another", topology_restored);
    return out;
}

}  // namespace regio::maps
