// The pipeline's command catalog, read from the program's own CLI11 tree.
#include "option_kinds.hpp"

#include "manual.hpp"

#include "regio/pipeline/registry_catalog.hpp"

#include <string_view>

namespace regio::cli {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

pipeline::ValueType value_type(const CLI::Option& option) {
    if (option.get_items_expected_max() > 1) return pipeline::ValueType::List;
    const std::string type = option.get_type_name();
    if (starts_with(type, "INT") || starts_with(type, "UINT")) return pipeline::ValueType::Integer;
    if (starts_with(type, "FLOAT")) return pipeline::ValueType::Number;
    return pipeline::ValueType::Text;
}

// The name a pipeline file gives the option: its long name without "--", a
// positional argument's own name; a short-only option its letter.
std::string pipeline_name(const CLI::Option& option) {
    if (!option.nonpositional()) return option.get_name(true, false);
    if (!option.get_lnames().empty()) return option.get_lnames().front();
    return option.get_snames().empty() ? std::string() : option.get_snames().front();
}

const CLI::App& command_at(const CLI::App& root, const std::vector<std::string>& path) {
    const CLI::App* app = &root;
    for (const auto& word : path) app = app->get_subcommand(word);
    return *app;
}

}  // namespace

pipeline::OptionKind option_kind(const CLI::Option& option) {
    if (option.get_expected_max() == 0) return pipeline::OptionKind::Flag;
    const std::string type = option.get_type_name();
    // The output names first: "OUTPUT" is no input "FILE", but check exactly.
    if (starts_with(type, kOutputDirectory) || starts_with(type, kOutputFile)) return pipeline::OptionKind::Output;
    if (starts_with(type, kInputFile) || starts_with(type, kInputDirectory)) return pipeline::OptionKind::Input;
    return pipeline::OptionKind::Value;
}

pipeline::CommandCatalog command_catalog(const CLI::App& root) {
    pipeline::CommandCatalog catalog;
    for (const auto& path : command_paths(root)) {
        const CLI::App& command = command_at(root, path);
        if (path.front() == "run" || !command.get_subcommands([](const CLI::App*) { return true; }).empty()) continue;  // no pipeline inside a pipeline; groups of commands
        pipeline::CommandInfo info;
        for (const auto& word : path) info.name += (info.name.empty() ? "" : " ") + word;
        info.help = command.get_description();
        for (const CLI::Option* option : command.get_options()) {
            const std::string name = pipeline_name(*option);
            if (name.empty() || name == "help") continue;
            pipeline::OptionInfo o;
            o.name = name;
            o.kind = option_kind(*option);
            o.type = o.kind == pipeline::OptionKind::Flag ? pipeline::ValueType::Text : value_type(*option);
            o.required = option->get_required();
            o.positional = !option->nonpositional();
            o.help = option->get_description();
            info.options.push_back(std::move(o));
        }
        pipeline::fill_layer_options(info);
        catalog.add(std::move(info));
    }
    return catalog;
}

}  // namespace regio::cli
