#include "crosswalk_uncertainty.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

namespace regio::cli {

// --uncertainty-column: the per-target near-boundary share as a column of
// the output, checked before anything is written. It is empty where the
// first --extensive column (the value it is a share of) is.
void add_uncertainty_column(harmonise::ApplyResult& result, const harmonise::Crosswalk& crosswalk, const std::string& name,
                            bool of_first_column) {
    if (!crosswalk.has_near_boundary)
        throw DataError("--uncertainty-column: the crosswalk has no near_boundary_area_share column (it was built without a "
                        "boundary tolerance)",
                        Where{crosswalk.file}, "build it with --boundary-tolerance D (metres), or drop --uncertainty-column");
    if (name == result.table.id_name() || result.table.find(name) != nullptr)
        throw UsageError("--uncertainty-column '" + name + "' is already a column of the output: choose another name");
    auto& column = result.table.add_column(name, table::ColumnKind::Real);
    const std::vector<table::CellStatus> first_status =
        of_first_column ? result.table.columns().front().status : std::vector<table::CellStatus>{};
    for (std::size_t t = 0; t < result.table.rows(); ++t) {
        column.values[t] = result.near_boundary_share[t];
        if (of_first_column) column.status[t] = first_status[t];
    }
}

// "near boundary: largest shares of carried value from near-boundary weight
// (first column, area weighting): T1 0.6, T2 0.3": the first five targets.
std::string near_boundary_line(const harmonise::ApplyResult& result, const std::vector<std::string>& extensive) {
    const auto largest = harmonise::largest_near_boundary_shares(result, 5);
    const std::string basis = extensive.empty() ? std::string("the weight itself") : "'" + extensive[0] + "'";
    if (largest.empty()) return "near boundary: no target's value comes from near-boundary weight";
    std::string list;
    for (const auto& [id, share] : largest) list += fmt::format("{}{} {:.4g}", list.empty() ? "" : ", ", id, share);
    return fmt::format("near boundary: targets whose value ({}) comes most from near-boundary weight: {}", basis, list);
}

}  // namespace regio::cli
