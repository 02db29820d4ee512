#pragma once
// Indicators each protected by its own method (issue #17): the [disclosure]
// table sets the default and an [[indicator]] may choose another, so one
// indicator can be suppressed (../shared/spec/indicators.md §5) while another
// is perturbed by the cell-key method (cell_key_compute.hpp). Suppression
// runs over the suppressed indicators only: a count one of them hides is
// hidden in the others, and secondary suppression loops until nothing
// changes. Perturbed indicators publish every cell; their counts are
// perturbed as cells of their own whatever the suppressed ones do.
#include "regio/indicators/cell_key_compute.hpp"
#include "regio/indicators/compute.hpp"
#include "regio/indicators/ptable.hpp"

#include <memory>
#include <string>
#include <vector>

namespace regio::indicators {

// The ptable of each indicator, in definitions order: null for suppression.
// Indicators with the same ptable settings share one table.
using PTableChoice = std::vector<std::shared_ptr<const PTable>>;

// Reads each ptable file (cellKey CSV) and builds each parameter set once.
// The errors of read_ptable_csv() and build_ptable().
PTableChoice load_ptables(const Definitions& definitions);

// What protected one indicator, for the report and the summary.
struct ProtectionOutcome {
    Protection protection;
    std::size_t primary = 0;    // suppression: cells hidden by rule 1 of §5
    std::size_t rate = 0;       // ... by rule 2
    std::size_t secondary = 0;  // ... by rule 3 or a count shared with a suppressed cell
    CellKeyUtility utility;     // cell-key: the utility and risk figures
};

// `ptables` from load_ptables() (or built by the caller: one per indicator,
// null exactly for the suppressed ones). `outcomes` gets one entry per
// indicator; Result::primary/rate/secondary sum the suppressed indicators'.
// The errors of compute_indicators() and perturb_cells().
Result compute_protected_indicators(const Definitions& definitions, const DataTable& data, const Hierarchy& hierarchy,
                                    const PTableChoice& ptables, std::vector<ProtectionOutcome>& outcomes);

// The combined figures of the perturbed indicators.
CellKeyUtility perturbed_utility(const std::vector<ProtectionOutcome>& outcomes);

// One warning per count column that a suppressed indicator may publish
// exactly while a perturbed one publishes it with noise: where both appear,
// the noise on that count protects nothing.
std::vector<std::string> mixed_method_warnings(const Definitions& definitions);

}  // namespace regio::indicators
