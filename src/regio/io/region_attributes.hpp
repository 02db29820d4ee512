#pragma once
// Attribute columns of a region layer, in feature order (the order
// read_regions uses): numbers for values to map, text for names.
#include "regio/io/input_spec.hpp"

#include <map>
#include <string>
#include <vector>

namespace regio::io {

// NaN where the field is null or not a number. Throws DataError when the
// field does not exist, or holds text that is not a number.
std::vector<double> read_numeric_field(const InputSpec& input, const std::string& field);
std::vector<std::string> read_text_field(const InputSpec& input, const std::string& field);
// Several text fields in one pass over the layer, by name.
std::map<std::string, std::vector<std::string>> read_text_fields(const InputSpec& input, const std::vector<std::string>& fields);

}  // namespace regio::io
