#pragma once
// The tidy CSV of `regio indicators`, one row per region x indicator x group:
//
//   region,indicator,group,value,numerator,denominator,flag,definition,label
//
// value = scale * numerator / denominator at full precision (the shortest
// text that reads back to the same double), gaps rounded to 0.1; empty unless
// flag is ok. numerator and denominator are the summed counts, empty unless
// flag is ok or zero_denominator, and always empty on gap rows. flag: ok,
// suppressed, zero_denominator, no_data. definition: citizenship or birth.
// label: the indicator's label with its age band; on gap rows
// "<label>: <group> minus <reference>, pp" (pp when scale = 100).
#include "regio/indicators/compute.hpp"

#include <ostream>

namespace regio::indicators {

void write_indicators_csv(std::ostream& out, const Definitions& definitions, const Hierarchy& hierarchy, const Result& result);

}  // namespace regio::indicators
