#include "regio/harmonise/noise_report.hpp"

#include <algorithm>
#include <map>

namespace regio::harmonise {

NoiseSummary summarise(const NoiseResult& noise) {
    NoiseSummary s;
    for (const auto& p : noise.pieces) {
        ++s.pieces;
        s.area_m2 += p.area;
        s.weight += p.weight;
    }
    return s;
}

nlohmann::ordered_json to_json(const NoiseResult& noise, const std::vector<std::string>& from_ids, const std::vector<std::string>& to_ids,
                               double tolerance_m, const std::string& tolerance_source, const std::string& parents) {
    const NoiseSummary s = summarise(noise);
    nlohmann::ordered_json j;
    j["tolerance_m"] = tolerance_m;
    j["tolerance_source"] = tolerance_source;
    j["within"] = parents.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(parents);
    j["pieces"] = s.pieces;
    j["area_m2"] = s.area_m2;
    j["weight"] = s.weight;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    // Source units in their set's order (std::map over indices).
    std::map<std::uint32_t, double> displacement;
    for (const auto& p : noise.pieces) {
        list.push_back({{"from_id", from_ids[p.from]}, {"to_id", to_ids[p.to]}, {"given_to", to_ids[p.given_to]},
                        {"area_m2", p.area}, {"weight", p.weight}, {"mean_width_m", p.mean_width_m},
                        {"reason", noise_reason_name(p.reason)}});
        auto& d = displacement[p.from];
        d = std::max(d, p.mean_width_m);
    }
    j["noise"] = list;
    nlohmann::ordered_json outline = nlohmann::ordered_json::object();
    for (std::size_t t = 0; t < noise.to_outline_area.size(); ++t)
        if (noise.to_outline_area[t] > 0) outline[to_ids[t]] = noise.to_outline_area[t];
    j["target_outline_noise_m2"] = outline;
    nlohmann::ordered_json per_unit = nlohmann::ordered_json::object();
    for (const auto& [unit, width] : displacement) per_unit[from_ids[unit]] = width;
    j["largest_displacement_m"] = per_unit;
    return j;
}

}  // namespace regio::harmonise
