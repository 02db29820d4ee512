#pragma once
// Which shares `crosswalk apply` splits by when none is asked for (issue #18,
// item 3: a crosswalk built with population weights was applied by area,
// silently). Population when the crosswalk carries population shares (they
// follow where people live), area otherwise; the choice is always stated.
#include "regio/harmonise/apply.hpp"

#include <optional>
#include <string>

namespace regio::harmonise {

// How the weighting came about, for the summary and the report.
enum class WeightChoice { Requested, DefaultFromCrosswalk };

struct WeightDecision {
    ApplyWeight weight = ApplyWeight::Area;
    WeightChoice choice = WeightChoice::DefaultFromCrosswalk;
};

// `requested` empty: the default for `crosswalk`.
WeightDecision decide_weight(const Crosswalk& crosswalk, std::optional<ApplyWeight> requested);

// "area" or "population".
const char* weight_name(ApplyWeight weight);

// One line for the summary: "weighting: population (the crosswalk's population
// shares, the default when it has them; --weight area for area shares)".
std::string weight_summary(const WeightDecision& decision);

}  // namespace regio::harmonise
