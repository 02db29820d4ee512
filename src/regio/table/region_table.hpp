#pragma once
// RegionTable: the currency between every step. One row per region (ids in a
// fixed order), named numeric columns, and a status per cell so that missing
// or suppressed values are explicit rather than encoded as magic numbers.
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace regio::table {

enum class CellStatus : std::uint8_t { Ok, Missing, Suppressed };
enum class ColumnKind : std::uint8_t { Integer, Real };

struct Column {
    std::string name;
    ColumnKind kind = ColumnKind::Real;
    std::vector<double> values;
    std::vector<CellStatus> status;
};

class RegionTable {
public:
    RegionTable(std::string id_name, std::vector<std::string> ids);

    // Text columns (labels such as the two ids of a crosswalk piece) are
    // written right after the id, before the numeric columns.
    void add_text_column(std::string name, std::vector<std::string> values);
    [[nodiscard]] const std::vector<std::pair<std::string, std::vector<std::string>>>& text_columns() const {
        return m_text_columns;
    }

    // Adds a column of all-zero Ok cells and returns it. The reference stays
    // valid while more columns are added (the columns live in a deque):
    // callers add several columns and then fill them together.
    Column& add_column(std::string name, ColumnKind kind);
    [[nodiscard]] const Column* find(const std::string& name) const;

    [[nodiscard]] const std::string& id_name() const { return m_id_name; }
    [[nodiscard]] const std::vector<std::string>& ids() const { return m_ids; }
    [[nodiscard]] const std::deque<Column>& columns() const { return m_columns; }
    [[nodiscard]] std::size_t rows() const { return m_ids.size(); }

private:
    std::string m_id_name;
    std::vector<std::string> m_ids;
    std::deque<Column> m_columns;  // not a vector: add_column's references must survive the next add
    std::vector<std::pair<std::string, std::vector<std::string>>> m_text_columns;
};

}  // namespace regio::table
