#pragma once
// regio map --categorical: where the categories, labels and colours come
// from (the style's [[categories]], --label-field of the data or of the
// regions, a qualitative palette), gathered into a render::CategorySpec.
#include "regio/maps/map_data.hpp"

#include "regio/render/category_plan.hpp"
#include "regio/style/map_style.hpp"

#include <map>
#include <string>
#include <vector>

namespace regio::maps {

enum class MapKind { Classed, Categorical };

// Labels by value from --label-field. With --data the field is a column of
// the table when the table has it; otherwise it is a field of the regions,
// read with them (`region_field` says which, before the regions are read).
class CategoryLabels {
public:
    CategoryLabels(const std::string& label_field, const MapValueSource& values, const std::string& layer);
    // The regions' field to read for the labels; empty when the table has them.
    [[nodiscard]] const std::string& region_field() const { return m_region_field; }
    // value -> label: from the table, or from the regions' field paired with
    // their values. Two labels for one value is a DataError naming both.
    [[nodiscard]] std::map<std::string, std::string> labels(const std::vector<std::vector<double>>& panel_values,
                                                            const std::vector<std::string>& region_labels) const;

private:
    std::string m_field, m_region_field, m_source, m_layer;
    std::vector<std::pair<std::string, std::string>> m_table_pairs;  // (value, label) per row of the table
};

render::CategorySpec map_category_spec(const style::MapStyleFile& st, const std::string& style_path, const std::string& palette,
                                       std::map<std::string, std::string> labels, const Where& source);

}  // namespace regio::maps
