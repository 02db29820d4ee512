#include "regio/indicators/cell_key_report.hpp"

#include <fmt/format.h>

namespace regio::indicators {

nlohmann::ordered_json to_json(const CellKeyUtility& u, const CellKeySettings& settings) {
    nlohmann::ordered_json ptable;
    if (!settings.ptable_file.empty()) {
        ptable["file"] = settings.ptable_file;
    } else if (settings.parameters) {
        const PTableParameters& p = *settings.parameters;
        ptable = {{"max_perturbation", p.max_perturbation}, {"variance", p.variance}, {"min_published", p.min_published}};
        ptable["p_stay"] = p.p_stay ? nlohmann::ordered_json(*p.p_stay) : nlohmann::ordered_json(nullptr);
    }
    nlohmann::ordered_json j;
    j["method"] = "cell-key";
    j["ptable"] = ptable;
    j["key_column"] = settings.key_column;
    j["total_key_column"] = settings.total_key_column;
    j["min_published"] = u.min_published;
    j["counts_perturbed"] = u.counts;
    j["counts_changed"] = u.changed;
    j["share_changed"] = u.counts ? static_cast<double>(u.changed) / static_cast<double>(u.counts) : 0.0;
    j["mean_abs_perturbation"] = u.mean_abs_change;
    j["max_abs_perturbation"] = u.max_abs_change;
    j["hellinger_distance"] = u.hellinger;
    j["cells_suppression_would_hide"] = u.would_suppress;
    return j;
}

std::string summary_text(const CellKeyUtility& u) {
    return fmt::format("cell key: {} of {} counts changed, mean |change| {:.3f}, max {}, Hellinger distance {:.3f}; "
                       "suppression would have hidden {} cells\n",
                       u.changed, u.counts, u.mean_abs_change, u.max_abs_change, u.hellinger, u.would_suppress);
}

}  // namespace regio::indicators
