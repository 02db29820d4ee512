#pragma once
// Indicator definitions from TOML. The schema (every other key is an error):
//
//   [disclosure]                  # optional; spec indicators.md §5
//   t_min = 10                    # primary threshold, a number >= 0
//   min_denominator = 50          # smallest denominator of a published rate (default t_min)
//   publish_zero = true           # publish zero counts
//   complement_check = true       # suppress a rate when 0 < den - num < t_min
//
//   [groups]                      # required
//   values = ["national", "eu", "non_eu"]   # non-empty, distinct; "total" is reserved
//   reference = "national"        # one of values; required when an indicator has gap = true
//   definition = "citizenship"    # or "birth": carried on every row, never mixed
//
//   [[indicator]]                 # one or more
//   name = "employment_rate"      # required, distinct, letters, digits, '_', '-', '.'
//   label = "Employment rate"     # default: name
//   age_band = "20-64"            # printed in the label column: "Employment rate (20-64)"
//   numerator = "employed_sum_{group}"          # required: a column template, or an
//   denominator = "working_age_sum_{group}"     # array of them that are summed
//   total_numerator = "employed_sum"            # optional, both or neither: the
//   total_denominator = "working_age_sum"       # all-groups row (group "total")
//   scale = 100                   # default 1; value = scale * num / den
//   gap = true                    # default false: <g>_gap rows, value(g) - value(reference)
//   groups = ["national", "non_eu"]  # optional: a subset of [groups].values, in output order
//
// "{group}" in a template is replaced by each group value (no other braces).
// The numerator must contain "{group}" when the indicator has several groups;
// a denominator without it is shared by all groups (a share of the population).
#include "regio/indicators/definitions.hpp"

#include <string>
#include <string_view>

namespace regio::indicators {

// Throws ConfigError naming `source`, the line and the key.
Definitions parse_definitions(std::string_view text, const std::string& source);
// Throws IoError when the file cannot be read, else as parse_definitions.
Definitions read_definitions(const std::string& path);

}  // namespace regio::indicators
