// CLI11 options from the library's declarations: each declaration becomes the
// add_option/add_flag call it stands for, with the same type name, checks and
// defaults, so help, man pages, completions and parse errors are those CLI11
// gives for a hand-written option.
#include "declared_options.hpp"

#include "run_context.hpp"
#include "terminal_progress.hpp"

#include <iostream>
#include <optional>
#include <type_traits>
#include <vector>

namespace regio::cli {
namespace {

template <class T> struct Element { using type = T; };
template <class T> struct Element<std::optional<T>> { using type = T; };
template <class T> struct Element<std::vector<T>> { using type = T; };
template <class T> struct Element<options::Overridable<T>> { using type = T; };
template <class T> struct IsOverridable : std::false_type {};
template <class T> struct IsOverridable<options::Overridable<T>> : std::true_type {};

template <class T>
void add_check(CLI::Option& option, const options::ValueCheck& check) {
    using E = typename Element<T>::type;
    using Number = std::conditional_t<std::is_arithmetic_v<E>, E, double>;
    switch (check.kind) {
    case options::ValueCheck::Kind::None: return;
    case options::ValueCheck::Kind::Range:
        option.check(CLI::Range(static_cast<Number>(check.low), static_cast<Number>(check.high)));
        return;
    case options::ValueCheck::Kind::NonNegative: option.check(CLI::NonNegativeNumber); return;
    case options::ValueCheck::Kind::Positive: option.check(CLI::PositiveNumber); return;
    case options::ValueCheck::Kind::OneOf:
        if constexpr (std::is_arithmetic_v<E>) {
            std::vector<E> members;
            for (const auto& choice : check.choices) {
                E value{};
                CLI::detail::lexical_cast(choice, value);
                members.push_back(value);
            }
            option.check(CLI::IsMember(members));
        } else if (check.ignore_case) {
            option.check(CLI::IsMember(check.choices, CLI::ignore_case));
        } else {
            option.check(CLI::IsMember(check.choices));
        }
        return;
    }
}

template <class T>
CLI::Option* add_one(CLI::App& command, const options::OptionSpec& spec, T* target) {
    if constexpr (std::is_same_v<T, bool>) {
        return command.add_flag(spec.names, *target, spec.help);
    } else if constexpr (IsOverridable<T>::value) {
        // Bound to the value, so help shows its default as for a plain option;
        // a validator without a description (help shows none) marks it given,
        // run only for values parsed, after the checks.
        CLI::Option* option = command.add_option(spec.names, target->value, spec.help);
        add_check<T>(*option, spec.check);
        option->each([target](const std::string&) { target->given = true; });
        return option;
    } else {
        CLI::Option* option = command.add_option(spec.names, *target, spec.help);
        add_check<T>(*option, spec.check);
        return option;
    }
}

}  // namespace

void add_declared_options(CLI::App& command, const options::OptionSet& options, std::size_t first) {
    const auto& declarations = options.declarations();
    for (std::size_t i = first; i < declarations.size(); ++i) {
        const options::Declaration& d = declarations[i];
        const options::OptionSpec& spec = d.spec;
        CLI::Option* option = std::visit([&](auto* target) { return add_one(command, spec, target); }, d.target);
        if (!spec.value_name.empty()) option->type_name(spec.value_name);
        if (spec.required) option->required();
        if (spec.show_default) option->capture_default_str();
        if (spec.delimiter) option->delimiter(spec.delimiter);
        if (spec.repeatable) option->take_all()->allow_extra_args(false);
        for (const auto& other : spec.excludes) option->excludes(other);
        for (const auto& other : spec.needs) option->needs(other);
    }
}

namespace {

// Prints each warning as "regio: warning: ..." on stderr, unless quiet.
WarningFn warning_printer(bool quiet) {
    if (quiet) return {};
    return [](std::string_view warning) { std::cerr << "regio: warning: " << warning << '\n'; };
}

int run_bound(options::BoundCommand& command) {
    const bool quiet = command.quiet();
    options::CommandOutcome outcome;
    {
        // Ends (clearing its line) before the held-back warnings and the summary.
        TerminalProgress progress(quiet);
        outcome = command.run(ProgressRange(progress.callback()), warning_printer(quiet));
    }
    std::cout << outcome.standard_output;
    if (!quiet) {
        for (const auto& note : outcome.notes) std::cerr << "regio: note: " << note << '\n';
        for (const auto& w : outcome.warnings) std::cerr << "regio: warning: " << w << '\n';
        std::cerr << outcome.summary;
        for (const auto& w : outcome.warnings_after_summary) std::cerr << "regio: warning: " << w << '\n';
    }
    return 0;
}

}  // namespace

void add_registered_command(CLI::App& parent, const options::CommandEntry& entry, Action& action, RunContext* context) {
    CLI::App* command = parent.add_subcommand(entry.words.back(), entry.description);
    options::OptionSet declared;
    std::shared_ptr<options::BoundCommand> bound =
        entry.bind(declared, options::StepContext{context ? &context->regions : nullptr});
    add_declared_options(*command, declared);
    if (!entry.footer.empty()) command->footer(entry.footer);
    command->callback([bound, &action] { action = [bound] { return run_bound(*bound); }; });
}

}  // namespace regio::cli
