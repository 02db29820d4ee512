#pragma once
// Carries a table of values from the source units of a crosswalk onto its
// target units. Extensive columns (counts) are split by the weight shares
// and summed; intensive columns (rates, means) are never area-weighted: they
// are averaged with their named denominator as weight, i.e. recomputed from
// the moved numerator (value × denominator) and the moved denominator.
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/crosswalk_check.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/table/region_table.hpp"

#include <string>
#include <utility>
#include <vector>

namespace regio::harmonise {

enum class ApplyWeight { Area, Population };

// Whether totals that do not balance (a crosswalk whose shares of a source do
// not sum to 1 loses or invents part of that source) are refused (exit 1) or
// accepted and reported (--accept-loss).
enum class LossPolicy { Refuse, Accept };

struct IntensiveColumn {
    std::string column;
    std::string denominator;
};

struct ApplyOptions {
    std::string id;
    std::vector<std::string> extensive;
    std::vector<IntensiveColumn> intensive;
    ApplyWeight weight = ApplyWeight::Area;
    LossPolicy loss = LossPolicy::Refuse;
};

struct ApplyResult {
    table::RegionTable table;            // targets sorted by id; columns under their input names
    std::vector<double> total_before;    // per extensive column, over all data rows
    std::vector<double> total_after;     // per extensive column, over the targets
    std::vector<double> not_carried;     // per extensive column: rows whose id the crosswalk lacks
    // Per extensive column: sum over carried rows of x (1 - the shares of its
    // source); > 0 lost, < 0 invented. Zero (to rounding) unless the loss was
    // accepted. before = after + not_carried + lost_by_shares always holds.
    std::vector<double> lost_by_shares;
    std::vector<UnbalancedSource> unbalanced_sources;  // accepted with LossPolicy::Accept
    // Per extensive column: the part of total_after carried into targets
    // that are written empty (another of their sources has no value).
    std::vector<double> in_empty_targets;
    std::vector<std::string> ids_not_in_crosswalk;  // data rows, by id
    std::vector<std::string> sources_not_in_data;   // crosswalk sources without a data row
    std::vector<double> split_share;     // per target: share of its value that came from split sources
    // Per target, when the crosswalk has near-boundary columns (else empty):
    // the share of its carried value that comes from near-boundary weight,
    // Σ x × share × u / Σ x × share over its rows (x the first extensive
    // column, or 1 without one, as split_share; u the row's near-boundary
    // share of the weighting in use).
    std::vector<double> near_boundary_share;
};

// Checks the crosswalk first (check_crosswalk on the share column used).
// Throws DataError for a bad crosswalk, unknown columns, duplicate ids in the
// data, a crosswalk without weights when population weights are asked for, and
// totals that do not balance (unless the loss is accepted).
ApplyResult apply_crosswalk(const Crosswalk& crosswalk, const io::CsvTable& data, const ApplyOptions& options);

// The targets whose carried value rests most on near-boundary weight: at most
// `count` of them with a share above 0, largest first (ties by id).
std::vector<std::pair<std::string, double>> largest_near_boundary_shares(const ApplyResult& result, std::size_t count);

// Whether column k's totals balance: before = after + not carried, within
// 1e-9 of the total (what unbalanced shares lost counts as not preserved).
bool totals_preserved(const ApplyResult& result, std::size_t k);

}  // namespace regio::harmonise
