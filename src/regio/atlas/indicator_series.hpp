#pragma once
// The indicator table that `regio indicators` writes (tidy CSV:
// region,indicator,group,value,numerator,denominator,flag,definition,label)
// as series: one per (indicator, group), each with a row per region. A
// suppressed row has no value, numerator or denominator in the table (the
// indicators step never writes them), and the atlas keeps it that way: a
// Cell carries only what the table publishes.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace regio::atlas {

struct Cell {
    std::optional<double> value;
    std::string numerator, denominator;  // as written ("" when not published)
    std::string flag;                    // ok, suppressed, zero_denominator, no_data
};

struct Series {
    std::string indicator, group, label, definition;
    std::map<std::string, Cell> cells;  // by region id
    // Percent (scale 100) or percentage points (gaps), derived from the rows:
    // value = numerator / denominator * scale.
    std::string unit;
    [[nodiscard]] std::string key() const { return indicator + "--" + group; }
    [[nodiscard]] bool is_gap() const;
};

struct IndicatorTable {
    std::string path;
    std::vector<Series> series;  // in order of first appearance
    std::vector<std::string> regions;  // every region id of the table, in order of first appearance
};

// Throws DataError naming the line for a missing column, a duplicate
// (region, indicator, group), or a value on a row that is not flagged ok.
IndicatorTable read_indicator_table(const std::string& path);

// The indicator tables of a run (several `indicators` steps: other
// indicator sets, or the same indicators for another vintage) as one table:
// a series found in several tables is taken from the last of them (the
// later step), and the one before becomes its previous vintage, for the
// change. Regions are the union, in order of first appearance.
struct Vintages {
    IndicatorTable current;
    std::map<std::string, Series> previous;  // by Series::key()
};
Vintages merge_vintages(const std::vector<IndicatorTable>& tables);

// Ranks among the given regions with a value: 1 = highest; ties share the
// best rank. Regions without a value have no rank.
std::map<std::string, std::size_t> rank_regions(const Series& series, const std::vector<std::string>& regions);

}  // namespace regio::atlas
