#include "regio/pipeline/command_catalog.hpp"

#include "regio/io/input_spec.hpp"

#include <fast_float/fast_float.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace regio::pipeline {

const OptionInfo* CommandInfo::option(std::string_view wanted) const {
    for (const auto& o : options)
        if (o.name == wanted) return &o;
    return nullptr;
}

void CommandCatalog::add(CommandInfo command) { m_commands.push_back(std::move(command)); }

const CommandInfo* CommandCatalog::find(std::string_view name) const {
    for (const auto& c : m_commands)
        if (c.name == name) return &c;
    return nullptr;
}

std::vector<std::string> CommandCatalog::names() const {
    std::vector<std::string> out;
    for (const auto& c : m_commands) out.push_back(c.name);
    return out;
}

Destination destination_of(const OptionInfo& option, const std::string& value) {
    if (value == "-") return Destination::StandardOutput;
    if (!option.layer_option.empty() && io::is_data_source_name(value)) return Destination::DatabaseTable;
    return Destination::File;
}

const char* kind_name(OptionKind kind) {
    switch (kind) {
    case OptionKind::Input: return "input";
    case OptionKind::Output: return "output";
    case OptionKind::Flag: return "flag";
    case OptionKind::Value: break;
    }
    return "value";
}

const char* type_name(ValueType type) {
    switch (type) {
    case ValueType::Integer: return "integer";
    case ValueType::Number: return "number";
    case ValueType::List: return "list";
    case ValueType::Text: break;
    }
    return "text";
}

std::string catalog_json(const CommandCatalog& catalog) {
    nlohmann::ordered_json commands = nlohmann::ordered_json::array();
    for (const auto& c : catalog.commands()) {
        nlohmann::ordered_json options = nlohmann::ordered_json::array();
        for (const auto& o : c.options) {
            options.push_back({{"name", o.name}, {"kind", kind_name(o.kind)}, {"type", type_name(o.type)}, {"required", o.required},
                               {"positional", o.positional}, {"help", o.help}});
            if (!o.layer_option.empty()) options.back()["layer_option"] = o.layer_option;
        }
        commands.push_back({{"name", c.name}, {"help", c.help}, {"options", options}});
    }
    return commands.dump(2) + '\n';
}

std::string type_problem(ValueType type, const std::string& value) {
    const char* first = value.data();
    const char* last = value.data() + value.size();
    if (type == ValueType::Integer) {
        long long parsed = 0;
        if (*first == '+') ++first;  // CLI11 takes "+3" too
        const auto [end, ec] = std::from_chars(first, last, parsed);
        return ec == std::errc() && end == last && !value.empty() ? "" : "an integer";
    }
    if (type == ValueType::Number) {
        double parsed = 0;
        const auto [end, ec] = fast_float::from_chars(first, last, parsed);
        return ec == std::errc() && end == last && !value.empty() ? "" : "a number";
    }
    return "";
}

}  // namespace regio::pipeline
