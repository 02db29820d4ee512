#include "regio/pipeline/registry_catalog.hpp"

#include "regio/registry/command_registry.hpp"

#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace regio::pipeline {
namespace {

template <class T> struct IsList : std::false_type {};
template <class T> struct IsList<std::vector<T>> : std::true_type {};
template <class T> struct Element { using type = T; };
template <class T> struct Element<std::optional<T>> { using type = T; };
template <class T> struct Element<options::Overridable<T>> { using type = T; };

// The type a step's value is checked by, from where the value goes.
ValueType value_type(const options::Target& target) {
    return std::visit(
        [](auto* field) {
            using T = std::remove_pointer_t<decltype(field)>;
            using E = typename Element<T>::type;
            if constexpr (IsList<T>::value) return ValueType::List;
            else if constexpr (std::is_integral_v<E> && !std::is_same_v<E, bool>) return ValueType::Integer;
            else if constexpr (std::is_floating_point_v<E>) return ValueType::Number;
            else return ValueType::Text;
        },
        target);
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

OptionKind option_kind(const options::Declaration& d) {
    if (std::holds_alternative<bool*>(d.target)) return OptionKind::Flag;
    const std::string& name = d.spec.value_name;
    // The output names first: "OUTPUT" is no input "FILE", but check exactly.
    if (starts_with(name, options::kOutputDirectory) || starts_with(name, options::kOutputFile)) return OptionKind::Output;
    if (starts_with(name, options::kInputFile) || starts_with(name, options::kInputDirectory)) return OptionKind::Input;
    return OptionKind::Value;
}

}  // namespace

std::string layer_option_of(const CommandInfo& command, const std::string& name) {
    for (const std::string& candidate : {name + "-layer", name.ends_with("layer") ? name + "-name" : std::string()})
        if (const OptionInfo* o = command.option(candidate); o && !candidate.empty() && o->kind == OptionKind::Value)
            return candidate;
    return {};
}

void fill_layer_options(CommandInfo& command) {
    for (auto& o : command.options)
        if (o.kind == OptionKind::Input || o.kind == OptionKind::Output) o.layer_option = layer_option_of(command, o.name);
}

CommandInfo command_info(const options::CommandEntry& entry) {
    CommandInfo info;
    for (const auto& word : entry.words) info.name += (info.name.empty() ? "" : " ") + word;
    info.help = entry.description;
    options::OptionSet declared;
    const auto bound = entry.bind(declared, {});  // declares the options; never run
    for (const options::Declaration& d : declared.declarations()) {
        OptionInfo o;
        o.name = options::long_name(d.spec);
        o.kind = option_kind(d);
        o.type = o.kind == OptionKind::Flag ? ValueType::Text : value_type(d.target);
        o.required = d.spec.required;
        o.positional = options::is_positional(d.spec);
        o.help = d.spec.help;
        o.names_columns = d.spec.names_columns;
        info.options.push_back(std::move(o));
    }
    fill_layer_options(info);
    return info;
}

CommandCatalog registry_catalog() {
    CommandCatalog catalog;
    for (const auto& entry : registry::commands()) catalog.add(command_info(entry));
    return catalog;
}

}  // namespace regio::pipeline
