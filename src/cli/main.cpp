// regio: the one error boundary. Every command throws regio::Error (or a
// CLI11 parse error); here they become one line on stderr, a hint, and an exit
// code: 0 ok, 1 data or processing error, 2 usage error.
#include "command_words.hpp"
#include "commands.hpp"
#include "pipeline_steps.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/interrupt/signal_watcher.hpp"

#include <iostream>
#include <new>
#include <stdexcept>

namespace {

std::string command_path(const CLI::App* app) {
    std::string path;
    for (; app; app = app->get_parent()) path = app->get_name() + (path.empty() ? "" : " " + path);
    return path;
}

// `regio help aggregate points` shows the help of that command.
int show_help(CLI::App& app, const std::vector<std::string>& words) {
    if (words.size() == 1 && words[0] == "pipeline") {  // a topic, not a command: the file format of `regio run`
        std::cout << regio::cli::pipeline_help_text();
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
            const auto near = regio::cli::nearest_word(word, names);
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

}  // namespace

int main(int argc, char** argv) {
    // First, before any thread exists: SIGINT, SIGTERM and SIGHUP then
    // remove unfinished outputs and end regio with 128 + the signal's number.
    regio::interrupt::start_signal_watcher();
    regio::io::apply_program_gdal_settings();
    CLI::App app{"regio: map address points and population grids onto regions, every record accounted for."};
    app.name("regio");
    app.footer("Run 'regio help COMMAND' or 'regio COMMAND --help' for a command's options.");
    app.require_subcommand(0, 1);
    bool show_version = false;
    app.add_flag("--version", show_version, "Print the versions of regio, GDAL, GEOS and PROJ");

    regio::cli::Action action;
    CLI::App* aggregate = app.add_subcommand("aggregate", "Aggregate points or grid cells onto regions");
    aggregate->require_subcommand(1);
    regio::cli::add_aggregate_points(*aggregate, action);
    regio::cli::add_aggregate_grid(*aggregate, action);

    regio::cli::add_crosswalk(app, action);
    regio::cli::add_classify(app, action);
    regio::cli::add_degurba(app, action);
    regio::cli::add_run(app, action);
    regio::cli::add_regionalise(app, action);
    regio::cli::add_indicators(app, action);
    regio::cli::add_map(app, action);
    regio::cli::add_compare(app, action);
    regio::cli::add_atlas(app, action);
    regio::cli::add_segregation(app, action);
    regio::cli::add_styles(app, action);

    CLI::App* help = app.add_subcommand("help", "Show the help of a command: regio help aggregate points");
    std::vector<std::string> help_words;
    help->add_option("command", help_words, "Command words");
    // Last, so that the generated pages and completion see every command.
    regio::cli::add_docs(app, action, REGIO_VERSION);

    // Mistyped commands and options first, by name, with the nearest real one.
    if (const auto problem = regio::cli::check_command_words(app, std::vector<std::string>(argv + 1, argv + argc))) {
        regio::cli::record_step_error(*problem);
        std::cerr << "regio: error: " << *problem << "\n";
        std::cerr << "Run 'regio --help' or 'regio help COMMAND' for usage.\n";
        return 2;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        regio::cli::record_step_error(e.what());
        std::cerr << "regio: error: " << e.what() << "\n";
        std::cerr << "Run 'regio --help' or 'regio help COMMAND' for usage.\n";
        return 2;
    }
    if (show_version) {
        std::cout << regio::cli::version_text() << '\n';
        return 0;
    }
    if (help->parsed()) return show_help(app, help_words);
    if (!action) {
        std::cout << app.help();
        return 0;
    }
    try {
        return action();
    } catch (const regio::UsageError& e) {
        // Passwords of connection strings never reach a message (issue #16).
        regio::cli::record_step_error(regio::io::redact_secrets(e.what()));
        std::cerr << "regio: error: " << regio::io::redact_secrets(e.what()) << '\n';
        if (!e.hint().empty()) std::cerr << "hint: " << regio::io::redact_secrets(e.hint()) << '\n';
        return 2;
    } catch (const regio::Error& e) {
        regio::cli::record_step_error(regio::io::redact_secrets(e.what()));
        std::cerr << "regio: error: " << regio::io::redact_secrets(e.what()) << '\n';
        if (!e.hint().empty()) std::cerr << "hint: " << regio::io::redact_secrets(e.hint()) << '\n';
        return 1;
    } catch (const std::bad_alloc&) {
        // Sizes that scale with an input's extent are checked before they are
        // allocated (grid::check_dense_grid); this is the last resort.
        std::cerr << "regio: error: out of memory: the inputs need more memory than is available\n"
                  << "hint: run on a smaller extent or fewer inputs at once, or on a machine with more memory\n";
        return 1;
    } catch (const std::length_error& e) {
        std::cerr << "regio: error: out of memory: an array would exceed the largest possible size (" << e.what() << ")\n";
        return 1;
    } catch (const std::exception& e) {
        regio::cli::record_step_error(regio::io::redact_secrets(e.what()));
        std::cerr << "regio: error: " << regio::io::redact_secrets(e.what()) << '\n';
        return 1;
    }
}
