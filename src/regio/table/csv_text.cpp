#include "regio/table/csv_text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace regio::table {

std::string format_number(double value, ColumnKind kind) {
    if (kind == ColumnKind::Integer && std::abs(value) < 0x1p53) return fmt::format("{}", static_cast<std::int64_t>(value));
    if (value == 0.0) return "0";  // no "-0"
    return fmt::format("{}", value);
}

std::string csv_quote(std::string_view text) {
    if (text.find_first_of(",;\"\n\r\t") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

void write_csv(std::ostream& out, const RegionTable& table) {
    out << csv_quote(table.id_name());
    for (const auto& [name, values] : table.text_columns()) out << ',' << csv_quote(name);
    for (const auto& c : table.columns()) out << ',' << csv_quote(c.name);
    out << '\n';
    for (std::size_t r = 0; r < table.rows(); ++r) {
        out << csv_quote(table.ids()[r]);
        for (const auto& [name, values] : table.text_columns()) out << ',' << csv_quote(values[r]);
        for (const auto& c : table.columns()) {
            out << ',';
            if (c.status[r] == CellStatus::Ok) out << format_number(c.values[r], c.kind);
        }
        out << '\n';
    }
}

}  // namespace regio::table
