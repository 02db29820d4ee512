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
    j["max_perturbation"] = u.max_perturbation;
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

nlohmann::ordered_json protection_json(const Definitions& definitions, const std::vector<ProtectionOutcome>& outcomes) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
        const ProtectionOutcome& o = outcomes[k];
        nlohmann::ordered_json j;
        j["indicator"] = definitions.indicators[k].name;
        if (o.protection.method == DisclosureMethod::CellKey) {
            const nlohmann::ordered_json cell_key = to_json(o.utility, o.protection.cell_key);
            for (const auto& [key, value] : cell_key.items()) j[key] = value;
        } else {
            const DisclosureRules& rules = definitions.disclosure;
            j["method"] = "suppression";
            j["t_min"] = rules.t_min;
            j["min_denominator"] = rules.min_denominator.value_or(rules.t_min);
            j["suppressed_cells"] = {{"primary", o.primary}, {"rate", o.rate}, {"secondary", o.secondary}};
        }
        list.push_back(j);
    }
    return list;
}

nlohmann::ordered_json cell_key_json(const std::vector<ProtectionOutcome>& outcomes) {
    const ProtectionOutcome* first = nullptr;
    bool same = true;
    for (const ProtectionOutcome& o : outcomes) {
        if (o.protection.method != DisclosureMethod::CellKey) continue;
        if (!first) first = &o;
        same = same && to_json(o.utility, o.protection.cell_key)["ptable"] == to_json(first->utility, first->protection.cell_key)["ptable"];
    }
    if (!first) return nullptr;
    nlohmann::ordered_json j = to_json(perturbed_utility(outcomes), first->protection.cell_key);
    if (!same) j["ptable"] = "per indicator";
    return j;
}

std::string methods_text(const Definitions& definitions, const std::vector<ProtectionOutcome>& outcomes) {
    std::string text;
    bool mixed = false;
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
        mixed = mixed || outcomes[k].protection.method != outcomes.front().protection.method;
        text += fmt::format("{}{} {}", k ? ", " : "", definitions.indicators[k].name, method_name(outcomes[k].protection.method));
    }
    return mixed ? "protection: " + text + "\n" : std::string();
}

}  // namespace regio::indicators
