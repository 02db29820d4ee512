#include "regio/harmonise/apply_weight.hpp"

namespace regio::harmonise {

WeightDecision decide_weight(const Crosswalk& crosswalk, std::optional<ApplyWeight> requested) {
    if (requested) return {*requested, WeightChoice::Requested};
    return {crosswalk.has_weights ? ApplyWeight::Population : ApplyWeight::Area, WeightChoice::DefaultFromCrosswalk};
}

const char* weight_name(ApplyWeight weight) { return weight == ApplyWeight::Population ? "population" : "area"; }

std::string weight_summary(const WeightDecision& decision) {
    std::string line = std::string("weighting: ") + weight_name(decision.weight);
    if (decision.choice == WeightChoice::Requested) return line + " (--weight)";
    if (decision.weight == ApplyWeight::Population)
        return line + " (the crosswalk's population shares, the default when it has them; --weight area for area shares)";
    return line + " (the crosswalk has no population shares)";
}

}  // namespace regio::harmonise
