#include "regio/aggregate/landing_check.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

namespace regio::aggregate {

std::optional<std::string> check_landing(const Landing& l) {
    if (!(l.total > 0)) return std::nullopt;  // nothing that could land
    const std::string crs_note =
        l.crs == l.regions_crs ? "input and regions both in " + l.crs : "input in " + l.crs + ", regions in " + l.regions_crs;
    if (!(l.landed > 0))
        throw DataError(fmt::format("none of the {} ({:.10g}) lands in any region", l.what, l.total), Where{l.source},
                        "check the CRS (" + crs_note + "): coordinates in another CRS than declared land nowhere");
    const double outside = l.total - l.landed;
    if (l.outside_share == OutsideShare::Warn && outside > 0.5 * l.total)
        return fmt::format("{}: {:.1f}% of the {} ({:.10g} of {:.10g}) fall outside all regions; check the CRS if that is "
                           "unexpected ({})",
                           l.source, 100.0 * outside / l.total, l.what, outside, l.total, crs_note);
    return std::nullopt;
}

}  // namespace regio::aggregate
