#pragma once
// Indicators protected by the cell-key method instead of suppression (issue
// #17). Every cell (region x group, and the total) is published: its
// numerator and denominator are each perturbed by looking up (count, cell
// key) in the ptable, where the cell key comes from the key sums of
// `aggregate points --cell-keys` (summed up the hierarchy for parents: from
// the records, never from published values). Rates are computed from the
// perturbed counts; totals and parents are perturbed as cells of their own,
// so published tables are no longer additive. Flags: perturbed, or
// zero_denominator / no_data as with suppression.
//
// Utility and risk figures go to the report: how many cells changed, the mean
// and largest absolute change, the Hellinger distance between the original
// and the published counts, and how many cells suppression (§5 rules 1-2)
// would have hidden instead.
#include "regio/indicators/cell_table.hpp"
#include "regio/indicators/compute.hpp"
#include "regio/indicators/ptable.hpp"

namespace regio::indicators {

struct CellKeyUtility {
    std::size_t counts = 0;        // counts perturbed (numerators and denominators of all cells)
    std::size_t changed = 0;       // ... whose value changed
    double mean_abs_change = 0;
    std::int64_t max_abs_change = 0;
    double hellinger = 0;          // sqrt(1/2 sum (sqrt(a) - sqrt(b))^2) over all counts
    std::size_t would_suppress = 0;  // cells the primary and rate rules would suppress
    std::int64_t min_published = 0;  // the ptable's smallest non-zero value
    std::int64_t max_perturbation = 0;  // the ptable's largest |j - i| (D)
};

// The figures of several indicators together (counts, changes and the
// Hellinger distance over all their counts; the smallest min_published).
CellKeyUtility combined_utility(const std::vector<CellKeyUtility>& parts);

// Perturbs one indicator's table in place with `ptable` and the key sums of
// `keys`; `utility` gets its figures. Throws DataError (file, line, column)
// for a negative or non-integer count or a key sum that is not an integer in
// [0, 2^53); ConfigError if a published count falls in (0, min_published) (a
// wrong ptable: never published).
void perturb_cells(const Indicator& indicator, const CellKeySettings& keys, const DataTable& data, const Hierarchy& hierarchy,
                   const PTable& ptable, CellTable& table, CellKeyUtility& utility);

// Every indicator perturbed with `ptable` (each with its own key columns);
// the errors of perturb_cells(). Mixed methods: compute_protected_indicators().
Result compute_perturbed_indicators(const Definitions& definitions, const DataTable& data, const Hierarchy& hierarchy,
                                    const PTable& ptable, CellKeyUtility& utility);

}  // namespace regio::indicators
