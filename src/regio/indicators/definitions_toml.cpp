#include "regio/indicators/definitions_toml.hpp"

#include "regio/error.hpp"
#include "regio/indicators/cell_key_toml.hpp"
#include "regio/indicators/toml_section.hpp"
#include "regio/toml_input.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace regio::indicators {
namespace {

const toml::table& table_at(const std::string& source, const toml::table& root, const std::string& key) {
    const toml::table* t = root[key].as_table();
    if (!t) TomlSection(source, root, "the file", "").fail("'" + key + "' must be a table [" + key + "]", key);
    return *t;
}

void check_terms(const TomlSection& s, const std::string& key, const Terms& terms, bool allow_group) {
    for (const std::string& t : terms) {
        const std::string rest = expand(t, "");
        if (rest.find_first_of("{}") != std::string::npos)
            s.fail("'" + key + "' = '" + t + "' has braces other than {group}", key);
        if (!allow_group && rest != t) s.fail("'" + key + "' cannot use {group}", key);
    }
}

Indicator read_indicator(const TomlSection& s, const Definitions& d) {
    const GroupSet& groups = d.groups;
    s.check_keys({"name", "label", "age_band", "numerator", "denominator", "total_numerator", "total_denominator", "scale",
                  "gap", "groups", "method", "ptable", "max_perturbation", "variance", "min_published", "p_stay", "key_column",
                  "total_key_column"});
    Indicator ind;
    ind.name = s.text("name", true);
    if (ind.name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") != std::string::npos)
        s.fail("'name' may only hold letters, digits, '_', '-' and '.'", "name");
    ind.label = s.text("label", false, ind.name);
    ind.age_band = s.text("age_band", false);
    for (const char* key : {"numerator", "denominator"})
        if (!s.has(key)) s.fail(std::string("missing key '") + key + "'", key);
    ind.numerator = s.texts("numerator", true);
    ind.denominator = s.texts("denominator", true);
    ind.total_numerator = s.texts("total_numerator", true);
    ind.total_denominator = s.texts("total_denominator", true);
    if (ind.total_numerator.empty() != ind.total_denominator.empty())
        s.fail("'total_numerator' and 'total_denominator' go together", ind.total_numerator.empty() ? "total_denominator" : "total_numerator");
    check_terms(s, "numerator", ind.numerator, true);
    check_terms(s, "denominator", ind.denominator, true);
    check_terms(s, "total_numerator", ind.total_numerator, false);
    check_terms(s, "total_denominator", ind.total_denominator, false);
    ind.scale = s.number("scale", 1);
    if (ind.scale == 0) s.fail("'scale' must be a number > 0", "scale");
    ind.gap = s.flag("gap", false);
    ind.groups = s.has("groups") ? s.texts("groups", false) : groups.values;
    std::set<std::string> seen;
    for (const auto& g : ind.groups) {
        if (std::find(groups.values.begin(), groups.values.end(), g) == groups.values.end())
            s.fail("group '" + g + "' is not in [groups] values", "groups");
        if (!seen.insert(g).second) s.fail("group '" + g + "' is listed twice", "groups");
    }
    const bool numerator_by_group = std::any_of(ind.numerator.begin(), ind.numerator.end(),
                                                [](const std::string& t) { return expand(t, "") != t; });
    if (ind.groups.size() > 1 && !numerator_by_group)
        s.fail("'numerator' has no {group}: every group would get the same count", "numerator");
    if (ind.gap && (groups.reference.empty() || !seen.count(groups.reference)))
        s.fail("gap = true needs the reference group '" + groups.reference + "' among the indicator's groups", "gap");
    ind.protection = read_indicator_protection(s, Protection{d.method, d.cell_key}, d.source);
    return ind;
}

}  // namespace

Definitions parse_definitions(std::string_view text, const std::string& source) {
    const toml::table root = parse_toml(text, source);
    Definitions d;
    d.source = source;
    const TomlSection top(source, root, "the file", "");
    top.check_keys({"disclosure", "groups", "indicator"});
    if (root.contains("disclosure")) {
        const TomlSection s(source, table_at(source, root, "disclosure"), "[disclosure]", "disclosure.");
        s.check_keys({"t_min", "min_denominator", "publish_zero", "complement_check", "method", "ptable", "max_perturbation",
                      "variance", "min_published", "p_stay", "key_column", "total_key_column"});
        read_cell_key_settings(s, d);
        d.disclosure.t_min = s.number("t_min", d.disclosure.t_min);
        if (s.has("min_denominator")) d.disclosure.min_denominator = s.number("min_denominator", d.disclosure.t_min);
        d.disclosure.publish_zero = s.flag("publish_zero", d.disclosure.publish_zero);
        d.disclosure.complement_check = s.flag("complement_check", d.disclosure.complement_check);
    }
    if (!root.contains("groups")) top.fail("missing table [groups]", "groups");
    const TomlSection g(source, table_at(source, root, "groups"), "[groups]", "groups.");
    g.check_keys({"values", "reference", "definition"});
    if (!g.has("values")) g.fail("missing key 'values'", "values");
    d.groups.values = g.texts("values", false);
    std::set<std::string> seen;
    for (const auto& v : d.groups.values)
        if (v == kTotalGroup || !seen.insert(v).second) g.fail("group '" + v + "' is reserved or listed twice", "values");
    d.groups.reference = g.text("reference", false);
    if (!d.groups.reference.empty() && !seen.count(d.groups.reference))
        g.fail("reference '" + d.groups.reference + "' is not one of the values", "reference");
    const std::string definition = g.text("definition", true);
    if (definition == "birth") d.groups.definition = GroupDefinition::Birth;
    else if (definition != "citizenship") g.fail("definition must be \"citizenship\" or \"birth\"", "definition");

    const toml::array* list = root["indicator"].as_array();
    if (!list || list->empty() || !list->is_array_of_tables())
        top.fail("define one or more [[indicator]] tables", "indicator");
    std::set<std::string> names;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::table& t = *list->get(i)->as_table();
        const auto name = t["name"].value<std::string>();
        const TomlSection s(source, t, "[[indicator]] " + std::to_string(i + 1) + (name ? " '" + *name + "'" : ""), "indicator.");
        d.indicators.push_back(read_indicator(s, d));
        if (!names.insert(d.indicators.back().name).second) s.fail("duplicate indicator name", "name");
    }
    return d;
}

Definitions read_definitions(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot read the definitions file", Where{path});
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_definitions(buffer.str(), path);
}

}  // namespace regio::indicators
