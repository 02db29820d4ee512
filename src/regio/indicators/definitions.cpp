#include "regio/indicators/definitions.hpp"

#include "regio/error.hpp"

#include <algorithm>

namespace regio::indicators {

std::string_view definition_name(GroupDefinition d) { return d == GroupDefinition::Birth ? "birth" : "citizenship"; }

bool Indicator::per_group_denominator() const {
    return std::any_of(denominator.begin(), denominator.end(), [](const std::string& t) { return t.find("{group}") != std::string::npos; });
}

std::string Indicator::full_label() const { return age_band.empty() ? label : label + " (" + age_band + ")"; }

Protection protection_of(const Definitions& definitions, const Indicator& indicator) {
    return indicator.protection ? *indicator.protection : Protection{definitions.method, definitions.cell_key};
}

bool uses_method(const Definitions& definitions, DisclosureMethod method) {
    return std::any_of(definitions.indicators.begin(), definitions.indicators.end(),
                       [&](const Indicator& ind) { return protection_of(definitions, ind).method == method; });
}

std::string_view method_name(DisclosureMethod method) { return method == DisclosureMethod::CellKey ? "cell-key" : "suppression"; }

std::string expand(const std::string& term, const std::string& group) {
    static const std::string kPlaceholder = "{group}";
    std::string out = term;
    for (std::size_t at = out.find(kPlaceholder); at != std::string::npos; at = out.find(kPlaceholder, at + group.size()))
        out.replace(at, kPlaceholder.size(), group);
    return out;
}

std::vector<ColumnUse> required_columns(const Definitions& definitions) {
    std::vector<ColumnUse> uses;
    for (const Indicator& ind : definitions.indicators) {
        for (const std::string& g : ind.groups) {
            for (const auto& t : ind.numerator) uses.push_back({expand(t, g), ind.name, "numerator", g});
            for (const auto& t : ind.denominator) uses.push_back({expand(t, g), ind.name, "denominator", g});
        }
        for (const auto& t : ind.total_numerator) uses.push_back({t, ind.name, "total_numerator", kTotalGroup});
        for (const auto& t : ind.total_denominator) uses.push_back({t, ind.name, "total_denominator", kTotalGroup});
        const Protection protection = protection_of(definitions, ind);
        if (protection.method != DisclosureMethod::CellKey) continue;
        for (const std::string& g : ind.groups) uses.push_back({expand(protection.cell_key.key_column, g), ind.name, "key_column", g});
        uses.push_back({protection.cell_key.total_key_column, ind.name, "total_key_column", kTotalGroup});
    }
    return uses;
}

void check_columns(const Definitions& definitions, const std::vector<std::string>& available, const std::string& data_source) {
    for (const ColumnUse& u : required_columns(definitions)) {
        if (std::find(available.begin(), available.end(), u.column) != available.end()) continue;
        std::string list;
        for (const auto& c : available) list += (list.empty() ? "" : ", ") + c;
        throw DataError("no column '" + u.column + "' (needed by indicator '" + u.indicator + "', " + u.key +
                            (u.group == kTotalGroup ? "" : ", group '" + u.group + "'") + " in " + definitions.source + ")",
                        Where{data_source, {}, {}, {}, u.column}, "the data's columns: " + list);
    }
}

}  // namespace regio::indicators
