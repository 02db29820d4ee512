#pragma once
// Validation of estimates against a reference: how far each estimated count
// is from the count the reference (e.g. a later register) gives for the same
// region, as absolute percentage errors (APE = |estimate - reference| /
// reference × 100), summarised per column by the median and the worst region.
// And an exact check: where regions nest in parent units that did not change
// (Berlin's 12 districts), each estimate summed over a parent must equal the
// parent's own count; a carried table that moved people across a parent's
// border fails it. Plain values in, plain values out: no files here.
#include <cstddef>
#include <string>
#include <vector>

namespace regio::compare {

// Counts per region: values[c][r] for columns[c] and ids[r].
struct CountTable {
    std::string source;  // for messages
    std::vector<std::string> ids;
    std::vector<std::string> columns;
    std::vector<std::vector<double>> values;
};

struct ColumnErrors {
    std::string estimate;  // the estimate's name
    std::string column;    // the reference column
    std::size_t regions = 0;          // regions with an APE (reference > 0)
    std::size_t zero_reference = 0;   // regions whose reference count is 0 (no APE)
    double median_ape = 0;            // percent; the mean of the two middle values for an even count
    double worst_ape = 0;             // percent
    std::string worst_region;         // first in reference order on ties
    double reference_total = 0;
    double estimate_total = 0;
};

// The regions of `estimate` must be exactly those of `reference` (any region
// missing on either side is a DataError naming both files and the id).
// `estimate_columns[c]` is the estimate's column for reference column c.
std::vector<ColumnErrors> column_errors(const CountTable& reference, const CountTable& estimate,
                                        const std::vector<std::string>& estimate_columns, const std::string& estimate_name);

struct ParentCheck {
    std::string estimate;
    std::string column;
    std::size_t parents = 0;
    double max_abs_difference = 0;  // over parents, |Σ estimate - parent count|
    std::string worst_parent;
    bool exact = true;              // every difference within the tolerance
};

// Sums the estimate over parents (a region's parent is the first
// `parent_digits` characters of its id) and compares with `parents`. A parent
// with no region, or a region whose parent is not in `parents`, is a
// DataError. Exact means |difference| <= tolerance × max(1, |parent count|)
// (floating-point sums of carried shares are not integers).
std::vector<ParentCheck> parent_checks(const CountTable& parents, const CountTable& estimate,
                                       const std::vector<std::string>& estimate_columns, const std::vector<std::string>& columns,
                                       std::size_t parent_digits, double tolerance, const std::string& estimate_name);

// The median of the values (mean of the two middle ones for an even count); 0 for none.
double median(std::vector<double> values);

}  // namespace regio::compare
