#pragma once
// Values per panel for a choropleth: rows of a tidy table (region id, facet
// value, value) joined onto the regions, one panel per distinct facet value
// (small multiples), or a single panel when the table is not faceted.
#include "regio/table/id_list.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace regio::render {

// More panels do not fit on one page legibly.
inline constexpr std::size_t kMaxPanels = 36;

// Natural order of facet values: when all are numbers, numerically (2, 10,
// 2020.5); otherwise text with digit runs compared as numbers ("group 2"
// before "group 10"), ties broken byte by byte. Deterministic and total.
void sort_facets(std::vector<std::string>& values);
bool natural_less(std::string_view a, std::string_view b);

struct TidyRow {
    std::string id;
    std::string facet;  // empty when not faceted
    double value = 0;   // NaN = no data
    std::int64_t line = 0;
    bool confidential = false;  // suppressed (see is_confidential_flag): drawn as confidential, the value is never shown
};

// Flags (e.g. the `flag` column of regio indicators) that mark a suppressed,
// not publishable value: "suppressed" (primary or secondary suppression),
// Eurostat's "c" and "confidential". Anything else (ok, no_data, u, ...) is not.
bool is_confidential_flag(std::string_view flag);

struct PanelValues {
    std::vector<std::string> facets;          // one per panel, in natural order ({""} when not faceted)
    std::vector<std::vector<double>> values;  // [panel][region]; NaN = no data
    std::size_t missing = 0;                  // (region, panel) pairs without a row
    std::size_t unmatched = 0;                // rows whose id matches no region
    table::IdSample missing_ids;              // the first of those regions ("id" or "id (facet)")
    table::IdSample unmatched_ids;            // the first of those rows' ids ("id" or "id (facet)")
    std::vector<std::vector<char>> confidential;  // [panel][region]: 1 = suppressed; empty = none
    std::size_t perturbed = 0;                // rows flagged "perturbed" (cell-key method): drawn, and said in the legend

    [[nodiscard]] bool is_confidential(std::size_t panel, std::size_t region) const {
        return panel < confidential.size() && region < confidential[panel].size() && confidential[panel][region] != 0;
    }
};

struct JoinSource {
    std::string file;         // for messages
    std::string id_field;     // the table's id column
    std::string facet_field;  // empty: not faceted
};

// A second row for the same region (and facet value) is a DataError naming
// the file, line and id column; more than kMaxPanels facet values a
// UsageError. An empty facet value is a DataError. A confidential row gives
// NaN (its value is dropped) and marks its (panel, region) confidential.
PanelValues join_panels(const std::vector<std::string>& region_ids, const std::vector<TidyRow>& rows, const JoinSource& source);

// "a, b and c": the missing/unmatched counts as the warnings of regio map.
void join_warnings(const PanelValues& panels, const JoinSource& source, std::vector<std::string>& warnings);

}  // namespace regio::render
