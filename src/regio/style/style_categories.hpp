#pragma once
// The categories of a style for categorical maps (issue #18 item 5): each
// value a class of its own, with a label and a colour, in the order the
// legend shows them, e.g. the Degree of Urbanisation classes of
// ../shared/spec/degurba.md (styles/degurba.toml, styles/degurba-level2.toml).
#include <string>
#include <vector>

namespace regio::style {

struct StyleCategory {
    std::string value;  // as the data hold it; numbers in their shortest form ("30", "2.5")
    std::string label;
    std::string color;  // #RRGGBB
};

// "#RRGGBB"
bool is_hex_colour(const std::string& s);

}  // namespace regio::style
