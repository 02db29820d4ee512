#include "regio/options/option_set.hpp"

#include <stdexcept>

namespace regio::options {

OptionBuilder& OptionBuilder::value_name(std::string name) {
    m_declaration->spec.value_name = std::move(name);
    return *this;
}
OptionBuilder& OptionBuilder::required() {
    m_declaration->spec.required = true;
    return *this;
}
OptionBuilder& OptionBuilder::show_default() {
    m_declaration->spec.show_default = true;
    return *this;
}
OptionBuilder& OptionBuilder::delimiter(char separator) {
    m_declaration->spec.delimiter = separator;
    return *this;
}
OptionBuilder& OptionBuilder::repeatable() {
    m_declaration->spec.repeatable = true;
    return *this;
}
OptionBuilder& OptionBuilder::excludes(std::string option) {
    m_declaration->spec.excludes.push_back(std::move(option));
    return *this;
}
OptionBuilder& OptionBuilder::needs(std::string option) {
    m_declaration->spec.needs.push_back(std::move(option));
    return *this;
}
OptionBuilder& OptionBuilder::range(double low, double high) {
    m_declaration->spec.check = {ValueCheck::Kind::Range, low, high, {}, false};
    return *this;
}
OptionBuilder& OptionBuilder::non_negative() {
    m_declaration->spec.check = {ValueCheck::Kind::NonNegative, 0, 0, {}, false};
    return *this;
}
OptionBuilder& OptionBuilder::positive() {
    m_declaration->spec.check = {ValueCheck::Kind::Positive, 0, 0, {}, false};
    return *this;
}
OptionBuilder& OptionBuilder::one_of(std::initializer_list<std::string> choices) {
    m_declaration->spec.check = {ValueCheck::Kind::OneOf, 0, 0, choices, false};
    return *this;
}
OptionBuilder& OptionBuilder::one_of_any_case(std::initializer_list<std::string> choices) {
    m_declaration->spec.check = {ValueCheck::Kind::OneOf, 0, 0, choices, true};
    return *this;
}
OptionBuilder& OptionBuilder::help(std::string text) {
    m_declaration->spec.help = std::move(text);
    return *this;
}

OptionBuilder& OptionBuilder::names_columns_of(std::string input, NameForm form, std::string unless_given,
                                               std::string unless_value) {
    m_declaration->spec.names_columns.push_back({std::move(input), form, std::move(unless_given), std::move(unless_value)});
    return *this;
}

OptionBuilder OptionSet::push(std::string names, Target target, std::string help) {
    OptionSpec spec;
    spec.names = std::move(names);
    spec.help = std::move(help);
    m_declarations.push_back({std::move(spec), target});
    return OptionBuilder(m_declarations.back());
}

OptionBuilder OptionSet::option(std::string_view name) {
    const std::string_view bare = name.substr(name.find_first_not_of('-') == std::string_view::npos ? 0 : name.find_first_not_of('-'));
    for (auto& d : m_declarations)
        if (long_name(d.spec) == bare) return OptionBuilder(d);
    throw std::logic_error("no option " + std::string(name) + " declared");
}

bool is_positional(const OptionSpec& spec) { return !spec.names.empty() && spec.names.front() != '-'; }

std::string long_name(const OptionSpec& spec) {
    if (is_positional(spec)) return spec.names;
    std::string shortest;
    std::size_t start = 0;
    while (start <= spec.names.size()) {
        const std::size_t comma = spec.names.find(',', start);
        const std::string name = spec.names.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (name.rfind("--", 0) == 0) return name.substr(2);
        if (name.rfind('-', 0) == 0 && shortest.empty()) shortest = name.substr(1);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return shortest;
}

}  // namespace regio::options
