#include "regio/regionalise/regionalise_table.hpp"

#include <cmath>

namespace regio::regionalise {
namespace {

// Counts stay integers in the GeoPackage when every value is one.
table::ColumnKind kind_of(const std::vector<double>& values) {
    for (double v : values)
        if (v != std::floor(v) || std::abs(v) >= 0x1p53) return table::ColumnKind::Real;
    return table::ColumnKind::Integer;
}

}  // namespace

table::RegionTable region_table(const std::vector<RegionSummary>& regions, const std::vector<Threshold>& thresholds,
                                const std::vector<std::vector<double>>& unit_values) {
    std::vector<std::string> ids;
    for (const auto& r : regions) ids.push_back(r.id);
    table::RegionTable out_table("region_id", ids);
    auto& count = out_table.add_column("units", table::ColumnKind::Integer);
    for (std::size_t r = 0; r < regions.size(); ++r) count.values[r] = static_cast<double>(regions[r].units.size());
    for (std::size_t k = 0; k < thresholds.size(); ++k) {
        auto& c = out_table.add_column(thresholds[k].column, kind_of(unit_values[k]));
        for (std::size_t r = 0; r < regions.size(); ++r) c.values[r] = regions[r].sums[k];
    }
    auto& meets = out_table.add_column("meets_thresholds", table::ColumnKind::Integer);
    for (std::size_t r = 0; r < regions.size(); ++r) meets.values[r] = regions[r].meets ? 1 : 0;
    return out_table;
}

}  // namespace regio::regionalise
