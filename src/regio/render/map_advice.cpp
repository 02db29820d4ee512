#include "regio/render/map_advice.hpp"

#include "regio/style/palette.hpp"

#include <fmt/format.h>

#include <cmath>

namespace regio::render {
namespace {

// Whole, non-negative numbers reaching into the thousands: what a count of
// people or households looks like, and what no share, rate or gap does.
bool look_like_counts(const std::vector<double>& values) {
    std::size_t n = 0;
    double largest = 0;
    for (const double v : values) {
        if (!std::isfinite(v)) continue;
        if (v < 0 || v != std::floor(v)) return false;
        largest = std::max(largest, v);
        ++n;
    }
    return n >= 2 && largest >= 1000;
}

}  // namespace

std::vector<std::string> map_advice(const std::vector<double>& values, const ClassSpec& spec, std::size_t classes,
                                    const std::string& field) {
    std::vector<std::string> out;
    if (look_like_counts(values))
        out.push_back(fmt::format("the values of '{}' are whole numbers up to the thousands: if they are counts, map a rate, "
                                  "share or density instead (areas of different size distort counts)",
                                  field));
    if (classes < 4 || classes > 7)
        out.push_back(fmt::format("{} classes: choropleths read best with 4 to 7", classes));
    const std::string palette = spec.palette.empty() ? (spec.center ? "RdBu" : "YlOrRd") : spec.palette;
    if (!spec.center && style::kind_of(palette) == style::PaletteKind::Diverging)
        out.push_back(fmt::format("'{}' is a diverging palette but no --center is given: its middle class then sits on the "
                                  "data's middle, not on a meaningful value such as 0 for gaps",
                                  palette));
    const auto sizes = style::palette_sizes(palette);
    if (classes >= sizes.front() && classes <= sizes.back()) {
        const style::ColourBlind rating = style::colour_blind_safe(palette, classes);
        if (rating != style::ColourBlind::Safe)
            out.push_back(fmt::format("'{}' with {} classes is {} for colour-blind readers (ColorBrewer's rating)", palette, classes,
                                      rating == style::ColourBlind::Uncertain ? "of uncertain use" : "not safe"));
    }
    return out;
}

}  // namespace regio::render
