#pragma once
// Shipped map styles by name (`--style rate` for styles/rate.toml), and the
// list `regio styles` prints. Styles are looked up, first match wins, in
//   ./styles                         (a checkout, or a project's own styles)
//   <exe>/../share/regio/styles      (an installed regio; src/CMakeLists.txt install rules)
//   the source tree of this build    (REGIO_STYLES_DIR, for a build run outside the checkout)
// as the atlas finds its templates (atlas/site_templates.cpp).
#include <string>
#include <vector>

namespace regio::style {

struct ShippedStyle {
    std::string name;         // file name without .toml
    std::string path;
    std::string description;  // its `description` key; empty when it has none
};

// The directories searched, in order, that exist.
std::vector<std::string> style_directories();

// Every style (*.toml) in those directories, by name; a name found twice is
// listed once (the first directory wins), sorted by name.
std::vector<ShippedStyle> shipped_styles();

// A path (it names an existing file, or holds a '/' or ends in .toml) is
// returned as it is; a bare NAME is looked up. An unknown NAME is a
// UsageError that lists the shipped styles.
std::string resolve_style(const std::string& name_or_path);

}  // namespace regio::style
