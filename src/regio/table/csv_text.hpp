#pragma once
// Deterministic CSV text: fixed number formatting (shortest text that reads
// back to the same double; integers without a decimal point), RFC 4180
// quoting, '\n' line ends.
#include "regio/table/region_table.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace regio::table {

std::string format_number(double value, ColumnKind kind);
std::string csv_quote(std::string_view text);
void write_csv(std::ostream& out, const RegionTable& table);

}  // namespace regio::table
