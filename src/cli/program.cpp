// The program: its command tree, built fresh for every command line, and the
// one error boundary (error type -> one line on stderr, a hint, an exit code:
// 0 ok, 1 data or processing error, 2 usage error). main() runs the command
// line it was given through it; `regio run` runs each pipeline step through it
// in the same process (issue #13), so a step fails exactly as on the command line.
#include "program.hpp"

#include "command_words.hpp"
#include "commands.hpp"
#include "declared_options.hpp"
#include "pipeline_steps.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/registry/command_registry.hpp"

#include <iostream>
#include <new>
#include <stdexcept>

namespace regio::cli {
namespace {
std::string command_path(const CLI::App* app) {
    std::string path;
    for (; app; app = app->get_parent()) path = app->get_name() + (path.empty() ? "" : " " + path);
    return path;
}

// `regio help aggregate points` shows the help of that command.
int show_help(CLI::App& app, const std::vector<std::string>& words) {
    if (words.size() == 1 && words[0] == "pipeline") {  // a topic, not a command: the file format of `regio run`
        std::cout << pipeline_help_text();
        return 0;
    }
    CLI::App* target = &app;
    for (const auto& word : words) {
        CLI::App* next = nullptr;
        for (CLI::App* sub : target->get_subcommands([](CLI::App*) { return true; }))
            if (sub->get_name() == word) next = sub;
        if (!next) {
            std::vector<std::string> names;
            for (const CLI::App* sub : target->get_subcommands([](CLI::App* s) { return !s->get_group().empty(); }))
                names.push_back(sub->get_name());
            const auto near = nearest_word(word, names);
            std::cerr << "regio: error: no command '" << word << "' in '" << command_path(target) << "'"
                      << (near ? " (did you mean '" + *near + "'?)" : std::string()) << "\n";
            // The formatter directly: a parsed `help` subcommand would
            // otherwise take over the root's help text.
            std::cerr << target->get_formatter()->make_help(target, command_path(target),
                                                            CLI::AppFormatMode::Normal);
            return 2;
        }
        target = next;
    }
    std::cout << target->get_formatter()->make_help(target, command_path(target),
                                                    CLI::AppFormatMode::Normal);
    return 0;
}

// The subcommand `word` of `parent` for a group of the registry's commands
// ("crosswalk"), made with the group's description the first time; one of
// its commands must follow it.
CLI::App* group_command(CLI::App& parent, const std::string& word) {
    for (CLI::App* sub : parent.get_subcommands([](CLI::App*) { return true; }))
        if (sub->get_name() == word) return sub;
    for (const auto& group : registry::command_groups())
        if (group.word == word) {
            CLI::App* command = parent.add_subcommand(group.word, group.description);
            command->require_subcommand(1);
            return command;
        }
    throw std::logic_error("no command group '" + word + "' in the registry");
}

// The message of the error that ended a command line, without "regio: error: ".
void shown(std::string* sink, const std::string& message) {
    std::cerr << "regio: error: " << message << '\n';
    if (sink) *sink = message;
}

}  // namespace

int run_command_line(const std::vector<std::string>& args, RunContext* context, std::string* error) {
    std::vector<std::string> owned{"regio"};
    owned.insert(owned.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : owned) argv.push_back(a.data());
    const int argc = static_cast<int>(argv.size());
    CLI::App app{"regio: map address points and population grids onto regions, every record accounted for."};
    app.name("regio");
    app.footer("Run 'regio help COMMAND' or 'regio COMMAND --help' for a command's options.");
    app.require_subcommand(0, 1);
    bool show_version = false;
    app.add_flag("--version", show_version, "Print the versions of regio, GDAL, GEOS and PROJ");

    Action action;
    // The library's commands, from the registry, in its order; a group word
    // ("aggregate") becomes a subcommand of its own when its first command
    // comes. Then the front-end's own commands.
    for (const options::CommandEntry& entry : registry::commands()) {
        CLI::App* parent = &app;
        for (std::size_t i = 0; i + 1 < entry.words.size(); ++i) parent = group_command(*parent, entry.words[i]);
        add_registered_command(*parent, entry, action, context);
    }
    add_run(app, action);
    add_styles(app, action);

    CLI::App* help = app.add_subcommand("help", "Show the help of a command: regio help aggregate points");
    std::vector<std::string> help_words;
    help->add_option("command", help_words, "Command words");
    // Last, so that the generated pages and completion see every command.
    add_docs(app, action, REGIO_VERSION);

    // Mistyped commands and options first, by name, with the nearest real one.
    if (const auto problem = check_command_words(app, args)) {
        shown(error, *problem);
        std::cerr << "Run 'regio --help' or 'regio help COMMAND' for usage.\n";
        return 2;
    }
    try {
        app.parse(argc, argv.data());
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        shown(error, e.what());
        std::cerr << "Run 'regio --help' or 'regio help COMMAND' for usage.\n";
        return 2;
    }
    if (show_version) {
        std::cout << version_text() << '\n';
        return 0;
    }
    if (help->parsed()) return show_help(app, help_words);
    if (!action) {
        std::cout << app.help();
        return 0;
    }
    try {
        return action();
    } catch (const UsageError& e) {
        // Passwords of connection strings never reach a message (issue #16).
        shown(error, io::redact_secrets(e.what()));
        if (!e.hint().empty()) std::cerr << "hint: " << io::redact_secrets(e.hint()) << '\n';
        return 2;
    } catch (const Error& e) {
        shown(error, io::redact_secrets(e.what()));
        if (!e.hint().empty()) std::cerr << "hint: " << io::redact_secrets(e.hint()) << '\n';
        return 1;
    } catch (const std::bad_alloc&) {
        // Sizes that scale with an input's extent are checked before they are
        // allocated (grid::check_dense_grid); this is the last resort.
        shown(error, "out of memory: the inputs need more memory than is available");
        std::cerr << "hint: run on a smaller extent or fewer inputs at once, or on a machine with more memory\n";
        return 1;
    } catch (const std::length_error& e) {
        shown(error, std::string("out of memory: an array would exceed the largest possible size (") + e.what() + ")");
        return 1;
    } catch (const std::exception& e) {
        shown(error, io::redact_secrets(e.what()));
        return 1;
    }
}

}  // namespace regio::cli
