#pragma once
// A command of the registry (issue #13): its words, its description, its
// options declared in the library and bound to a fresh request, and how it
// runs once a front-end has parsed values into them. The CLI builds a CLI11
// subcommand from each entry; `regio run` runs pipeline steps through the same
// entries in its own process; the pipeline checks steps against the declared
// options.
#include "regio/options/option_set.hpp"
#include "regio/progress.hpp"

#include <concepts>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace regio::regions {
class RegionCache;
}

namespace regio::options {

// What a finished command leaves for the front-end to show: warnings it holds
// back until its progress has ended (most print theirs through the WarningFn
// as they arise), and the summary ("" for none), each line ending in '\n'.
struct CommandOutcome {
    std::vector<std::string> warnings;
    std::string summary;
    // Warnings shown after the summary because they read against its totals
    // (aggregate points: most records outside all regions; crosswalk apply and
    // chain have always printed theirs there).
    std::vector<std::string> warnings_after_summary;
    // Notes shown before the warnings ("regio: note: ..."): what a command took
    // as given (degurba: every cell land without --land), shown as they were
    // when the CLI printed them itself.
    std::vector<std::string> notes;
    // What goes to standard output after the run, before the notes (classify
    // without -o: the breaks); unlike the rest, shown with --quiet too.
    std::string standard_output;
};

// One command's options bound to its own request, ready to run once parsed.
class BoundCommand {
public:
    virtual ~BoundCommand() = default;
    // Throws regio::Error (UsageError: exit 2; the others: exit 1) as the
    // operations do; writes nothing on error.
    virtual CommandOutcome run(const ProgressRange& progress, const WarningFn& warn) = 0;
    // --quiet: no progress and no summary.
    [[nodiscard]] virtual bool quiet() const = 0;
};

// What the steps of one `regio run` share; empty on a command line.
struct StepContext {
    regions::RegionCache* regions = nullptr;  // region sets loaded once for all steps
};

struct CommandEntry {
    std::vector<std::string> words;  // {"aggregate", "grid"}
    std::string description;         // one line: help lists and man page NAME
    std::string footer;              // what help prints after the options: outputs explained, "Example:"
    // Declares the options into `options`, bound to the returned command.
    std::function<std::unique_ptr<BoundCommand>(OptionSet& options, const StepContext& context)> bind;
};

// A command class that declares its options into an OptionSet and runs as a
// BoundCommand; it may take what the steps of a run share (share(context)).
template <class Command>
concept DeclaredCommand = std::derived_from<Command, BoundCommand> && std::default_initializable<Command> &&
    requires(Command& command, OptionSet& options) {
    command.declare(options);
};

// The entry of a command class: binding makes a fresh command, declares its
// options and hands it the run's shared state when it takes any (only the
// commands that read region layers: they share one load per run).
template <DeclaredCommand Command>
CommandEntry make_entry(std::vector<std::string> words, std::string description, std::string footer) {
    return {std::move(words), std::move(description), std::move(footer),
            [](OptionSet& options, const StepContext& context) -> std::unique_ptr<BoundCommand> {
                auto command = std::make_unique<Command>();
                command->declare(options);
                if constexpr (requires { command->share(context); }) command->share(context);
                return command;
            }};
}

// A word that groups commands ("aggregate" of "aggregate points").
struct CommandGroup {
    std::string word;
    std::string description;
};

}  // namespace regio::options
