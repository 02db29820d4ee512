#pragma once
// The boundary noise of a crosswalk build for the run report and the summary
// line: every noise piece per unit pair, the totals, and per source unit the
// largest boundary displacement found (the widest of its noise pieces).
#include "regio/harmonise/boundary_noise.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::harmonise {

struct NoiseSummary {
    std::size_t pieces = 0;
    double area_m2 = 0;
    double weight = 0;
};
NoiseSummary summarise(const NoiseResult& noise);

// `tolerance_source`: how D was chosen ("option", "map scale in the file
// name", "none"); `parents`: the parent rule as given ("" for none).
nlohmann::ordered_json to_json(const NoiseResult& noise, const std::vector<std::string>& from_ids, const std::vector<std::string>& to_ids,
                               double tolerance_m, const std::string& tolerance_source, const std::string& parents);

}  // namespace regio::harmonise
