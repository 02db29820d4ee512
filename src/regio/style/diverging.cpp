#include "regio/style/diverging.hpp"

#include "regio/error.hpp"
#include "regio/style/palette.hpp"

#include <algorithm>

namespace regio::style {

CentreSplit split_at_centre(const std::vector<double>& bins, double lowest, double centre) {
    const std::size_t k = bins.size();
    if (centre <= lowest) return {0, k, std::nullopt};  // on or below the legend's lower bound
    const auto j = static_cast<std::size_t>(std::lower_bound(bins.begin(), bins.end(), centre) - bins.begin());
    if (j == k) return {k, 0, std::nullopt};                     // above every class
    if (bins[j] == centre) return {j + 1, k - j - 1, std::nullopt};  // on a bound: the divide
    return {j, k - j - 1, j};
}

std::vector<std::string> diverging_colors(const std::string& name, const std::vector<double>& bins, double lowest,
                                          double centre, bool reverse) {
    if (kind_of(name) != PaletteKind::Diverging)
        throw UsageError("palette '" + name + "' is not diverging, so it cannot be centred on a value");
    if (bins.empty()) throw UsageError("no classes to colour");
    const CentreSplit split = split_at_centre(bins, lowest, centre);
    const std::size_t arm = std::max(split.below, split.above);
    const bool odd = split.neutral.has_value();

    const auto sizes = palette_sizes(name);
    // Each arm of a set of m colours holds (m-1)/2 colours when m is odd (plus
    // the neutral middle), m/2 when even.
    const auto fits = [&](std::size_t m) { return (m % 2 == 1) == odd && (odd ? (m - 1) / 2 : m / 2) >= arm; };
    const auto m = std::find_if(sizes.begin(), sizes.end(), fits);
    if (m == sizes.end()) {
        std::string have;
        for (std::size_t s : sizes) have += (have.empty() ? "" : ", ") + std::to_string(s);
        throw UsageError("palette '" + name + "' has no " + (odd ? "odd" : "even") + "-sized set with " +
                             std::to_string(arm) + " colours on each side of the centre " +
                             (odd ? "plus a neutral middle" : "(the centre lies on a class bound)"),
                         {}, "available sizes: " + have + "; use fewer classes or breaks placed more evenly around the centre");
    }
    const std::vector<std::string> set = palette_colors(name, *m, reverse);
    const std::size_t middle = odd ? (*m - 1) / 2 : *m / 2;  // index of the neutral or first upper-arm colour
    const auto first = static_cast<std::ptrdiff_t>(middle - split.below);
    return {set.begin() + first, set.begin() + first + static_cast<std::ptrdiff_t>(bins.size())};
}

}  // namespace regio::style
