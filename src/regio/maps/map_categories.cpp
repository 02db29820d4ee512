#include "regio/maps/map_categories.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_table.hpp"

#include <cmath>

namespace regio::maps {
namespace {

void add_label(std::map<std::string, std::string>& labels, const std::string& value, const std::string& label,
               const std::string& field, const std::string& source) {
    if (label.empty()) return;
    const auto [it, fresh] = labels.emplace(value, label);
    if (!fresh && it->second != label)
        throw DataError("value " + value + " has two labels in --label-field: '" + it->second + "' and '" + label + "'",
                        Where{source, {}, {}, {}, field}, "a categorical map takes one label per value");
}

}  // namespace

CategoryLabels::CategoryLabels(const std::string& label_field, const MapValueSource& values, const std::string& layer)
    : m_field(label_field), m_layer(layer) {
    if (label_field.empty()) return;
    if (values.data.empty()) {
        m_region_field = label_field;
        return;
    }
    const io::CsvTable table = io::read_csv_table(values.data, values.text);
    if (!table.has_column(label_field)) {
        m_region_field = label_field;
        return;
    }
    m_source = values.data;
    const std::size_t value_col = table.column(values.field), label_col = table.column(label_field);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const double v = table.number(r, value_col);
        if (std::isfinite(v)) m_table_pairs.emplace_back(render::category_value(v), table.rows[r][label_col]);
    }
}

std::map<std::string, std::string> CategoryLabels::labels(const std::vector<std::vector<double>>& panel_values,
                                                          const std::vector<std::string>& region_labels) const {
    std::map<std::string, std::string> out;
    for (const auto& [value, label] : m_table_pairs) add_label(out, value, label, m_field, m_source);
    if (!m_region_field.empty())
        for (const auto& panel : panel_values)
            for (std::size_t r = 0; r < panel.size() && r < region_labels.size(); ++r)
                if (std::isfinite(panel[r])) add_label(out, render::category_value(panel[r]), region_labels[r], m_field, m_layer);
    return out;
}

render::CategorySpec map_category_spec(const style::MapStyleFile& st, const std::string& style_path, const std::string& palette,
                                       std::map<std::string, std::string> labels, const Where& source) {
    render::CategorySpec spec;
    spec.categories = st.categories;
    spec.style = style_path;
    spec.labels = std::move(labels);
    spec.palette = !palette.empty() ? palette : st.palette.value_or("");
    spec.source = source;
    return spec;
}

}  // namespace regio::maps
