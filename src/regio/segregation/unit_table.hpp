#pragma once
// The data of `regio segregation`: one row per unit with its id, the group
// counts and the total, read from a CSV table or any OGR layer and checked
// row by row (../shared/spec/segregation.md §1: errors, not guesses).
#include "regio/error.hpp"
#include "regio/io/csv_columns.hpp"
#include "regio/segregation/segregation_request.hpp"

#include <string>
#include <vector>

namespace regio::segregation {

// Where each row is, for messages: CSV lines, or features of an OGR layer
// (numbered from 1 in reading order). Kept as numbers: a million rows.
struct RowPlaces {
    std::string file;
    std::string layer;
    bool features = false;
    std::vector<std::int64_t> numbers;

    [[nodiscard]] Where at(std::size_t row, const std::string& field) const;
};

struct UnitTable {
    io::TextColumn ids;
    std::vector<std::string> within_keys;  // the --within value of each row (empty without --within)
    RowPlaces rows;
    Composition composition;
};

// Throws DataError naming file, line (or feature) and column for: a missing
// column, an empty, duplicate or missing id, an empty, non-numeric, negative
// or infinite count, a group above the total, groups that do not add up to a
// given total (which unit, by how much), fewer than two units, a group that
// is absent everywhere or everybody (its indices are undefined). UsageError
// for one group without --total.
UnitTable read_unit_table(const SegregationRequest& request);

// The rows' counts must be whole numbers for random allocation: DataError
// naming the first row and column that is not.
void check_whole_counts(const UnitTable& table, const SegregationRequest& request);

}  // namespace regio::segregation
