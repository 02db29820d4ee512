#include "regio/indicators/indicators_csv.hpp"

#include "regio/table/csv_text.hpp"

namespace regio::indicators {
namespace {

std::string number(const std::optional<double>& v) {
    return v ? table::format_number(*v, table::ColumnKind::Real) : std::string();
}

std::string label_of(const Definitions& d, const OutputRow& row) {
    const Indicator& ind = d.indicators[row.indicator];
    if (!row.gap) return ind.full_label();
    const std::string group = row.group.substr(0, row.group.size() - 4);  // drop "_gap"
    return ind.full_label() + ": " + group + " minus " + d.groups.reference + (ind.scale == 100 ? ", pp" : ", difference");
}

}  // namespace

void write_indicators_csv(std::ostream& out, const Definitions& definitions, const Hierarchy& hierarchy, const Result& result) {
    out << "region,indicator,group,value,numerator,denominator,flag,definition,label\n";
    const std::string definition(definition_name(definitions.groups.definition));
    for (const OutputRow& row : result.rows) {
        out << table::csv_quote(hierarchy.ids[row.region]) << ',' << table::csv_quote(definitions.indicators[row.indicator].name) << ','
            << table::csv_quote(row.group) << ',' << number(row.value) << ',' << number(row.numerator) << ','
            << number(row.denominator) << ',' << flag_name(row.flag) << ',' << definition << ','
            << table::csv_quote(label_of(definitions, row)) << '\n';
    }
}

}  // namespace regio::indicators
