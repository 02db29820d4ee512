#pragma once
// The cell-key columns of `aggregate points` (issue #17): for every count
// column C of points_table, a column cellkey_C with the sum of the records'
// keys in that cell modulo 2^53 (an integer; the cell key is it / 2^53, see
// table/record_key.hpp). Later steps perturb C by its own cell key, and the
// key of a sum of cells is the sum of their key sums, so the same records get
// the same noise in every table. The sums reveal neither the salt nor a
// record's key.
#include "regio/aggregate/point_tally.hpp"
#include "regio/table/region_table.hpp"

namespace regio::aggregate {

inline constexpr const char* kCellKeyPrefix = "cellkey_";

enum class GroupColumns : std::uint8_t { Without, With };

// Appends cellkey_count and, with groups, cellkey_count_<g> (groups sorted by
// name, like points_table) for the table's regions in input order.
void append_key_sum_columns(table::RegionTable& out, const PointTally& tally, GroupColumns groups);

}  // namespace regio::aggregate
