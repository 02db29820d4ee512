#include "regio/table/region_table.hpp"

#include <stdexcept>

namespace regio::table {

RegionTable::RegionTable(std::string id_name, std::vector<std::string> ids)
    : m_id_name(std::move(id_name)), m_ids(std::move(ids)) {}

Column& RegionTable::add_column(std::string name, ColumnKind kind) {
    if (name == m_id_name || find(name)) throw std::invalid_argument("duplicate column name '" + name + "'");
    m_columns.push_back({std::move(name), kind, std::vector<double>(m_ids.size(), 0.0),
                         std::vector<CellStatus>(m_ids.size(), CellStatus::Ok)});
    return m_columns.back();
}

void RegionTable::add_text_column(std::string name, std::vector<std::string> values) {
    if (values.size() != m_ids.size()) throw std::invalid_argument("text column '" + name + "' has the wrong length");
    m_text_columns.emplace_back(std::move(name), std::move(values));
}

const Column* RegionTable::find(const std::string& name) const {
    for (const auto& c : m_columns)
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace regio::table
