#pragma once
// The good-practice rules of ../shared/spec/choropleth.md §5 that a tool can
// check, as warnings (the map is still drawn): values that look like counts
// (§5.1: map rates, shares or densities), a class count outside 4–7 (§5.6),
// a diverging palette without a meaningful midpoint (§5.6), and a palette
// ColorBrewer does not rate colour-blind safe at that class count (§4).
#include "regio/render/choropleth_plan.hpp"

#include <string>
#include <vector>

namespace regio::render {

// `values`: all values mapped (NaN = no data); `classes`: the number of
// classes drawn; `field`: the value's name, for the messages.
std::vector<std::string> map_advice(const std::vector<double>& values, const ClassSpec& spec, std::size_t classes,
                                    const std::string& field);

}  // namespace regio::render
