#pragma once
// Reading a style's [[categories]] (internal to style/: toml++ stays private).
#include "regio/style/style_categories.hpp"

#include <toml++/toml.h>

namespace regio::style {

// [[categories]] tables: value (a string or a number), label, color. A
// missing key, a bad colour or a value given twice is a ConfigError naming
// the file, line and key.
std::vector<StyleCategory> parse_categories(const toml::node& node, const std::string& path);

}  // namespace regio::style
