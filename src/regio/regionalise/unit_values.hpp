#pragma once
// The statistics of the units: threshold columns of a data table joined to
// the units by id. The table arrives already parsed (io/ reads the CSV), so
// the join and its checks are testable without files.
#include <cstdint>
#include <string>
#include <vector>

namespace regio::regionalise {

struct DataColumns {
    std::string path;                         // for messages
    std::string id_column;
    std::vector<std::string> ids;             // one per data row
    std::vector<std::int64_t> lines;          // 1-based text line of each row
    std::vector<std::string> names;           // the threshold columns
    std::vector<std::vector<double>> values;  // [column][row]; NaN = empty cell
};

// What to do when the units and the table disagree on ids.
//  Error:  a DataError listing a few of each side (the default: a mismatch
//          usually means the wrong table or vintage).
//  Report: go on; a unit without a row counts 0 in every column (it is still
//          placed in a region: never dropped), a row without a unit is left
//          out; both are listed in the report and their totals stated.
enum class Unmatched { Error, Report };

struct UnitValues {
    std::vector<std::vector<double>> values;       // [column][unit]
    std::vector<std::string> units_without_data;   // in unit order
    std::vector<std::string> rows_without_unit;    // in table order
    std::vector<double> table_total;               // [column], every row
    std::vector<double> unmatched_total;           // [column], rows without a unit
};

// Throws DataError for a duplicate id in the table (naming both lines), an
// empty cell in a threshold column (naming its line and column), and, under
// Unmatched::Error, for ids on one side only.
UnitValues join_unit_values(const std::vector<std::string>& unit_ids, const DataColumns& data, Unmatched policy);

// "a, b, c and 4 more" (at most `shown` names).
std::string list_some(const std::vector<std::string>& names, std::size_t shown = 5);

}  // namespace regio::regionalise
