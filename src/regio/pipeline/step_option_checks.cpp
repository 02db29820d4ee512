#include "regio/pipeline/step_option_checks.hpp"

#include <algorithm>

namespace regio::pipeline {
namespace {

std::string at_line(const Arg& a) { return "line " + std::to_string(a.line) + ": "; }

// Options the runner supplies itself: the atlas's run directory.
bool supplied_by_runner(const CommandInfo& command, const OptionInfo& option) {
    return command.name == "atlas" && option.positional;
}

bool given(const Step& step, const OptionInfo& option) {
    return std::any_of(step.args.begin(), step.args.end(),
                       [&](const Arg& a) { return a.key == option.name || (option.positional && a.key == "_"); });
}

}  // namespace

void check_step_options(const CommandInfo& command, const Step& step, const std::string& who, std::vector<std::string>& problems) {
    const bool has_positional = std::any_of(command.options.begin(), command.options.end(), [](const OptionInfo& o) { return o.positional; });
    for (const Arg& a : step.args) {
        const OptionInfo* option = command.option(a.key);
        if (!option && a.key == "_" && has_positional) continue;
        if (!option || (option->positional && supplied_by_runner(command, *option))) {
            problems.push_back(who + ": " + at_line(a) + "'" + a.key + "' is not an option of " + command.name);
            continue;
        }
        if (option->kind == OptionKind::Flag) {
            if (!a.flag) problems.push_back(who + ": " + at_line(a) + a.key + " is a flag: give true (or leave it out), not '" + a.value + "'");
            continue;
        }
        if (a.flag) {
            problems.push_back(who + ": " + at_line(a) + a.key + " takes a value, not true");
            continue;
        }
        if (a.value.starts_with('@')) continue;  // another step's output: a path
        if (const std::string wanted = type_problem(option->type, a.value); !wanted.empty())
            problems.push_back(who + ": " + at_line(a) + a.key + " takes " + wanted + ", not '" + a.value + "'");
    }
    for (const OptionInfo& option : command.options)
        if (option.required && !supplied_by_runner(command, option) && !given(step, option))
            problems.push_back(who + ": " + command.name + " needs " + (option.positional ? option.name : "--" + option.name) +
                               (option.kind == OptionKind::Input ? " (an input)" : ""));
}

}  // namespace regio::pipeline
