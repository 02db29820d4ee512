#pragma once
// Publication thresholds: "COLUMN>=N" means every region must reach at least
// N in COLUMN, summed over its units (e.g. at least 100 foreigners and 1,000
// residents before a table may be published for it).
#include <string>
#include <string_view>
#include <vector>

namespace regio::regionalise {

struct Threshold {
    std::string column;
    double minimum = 0;
};

// Accepts exactly COLUMN>=N (spaces around either part are ignored; N a
// finite number). Anything else, and a column named twice, is a UsageError:
// a threshold is part of the command, not of the data.
Threshold parse_threshold(std::string_view text);
std::vector<Threshold> parse_thresholds(const std::vector<std::string>& texts);

// "column>=N" with N in the shortest form that reads back the same.
std::string format_threshold(const Threshold& threshold);

}  // namespace regio::regionalise
