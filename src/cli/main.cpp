// regio: the one error boundary. Every command throws regio::Error (or a
// CLI11 parse error); here they become one line on stderr, a hint, and an exit
// code: 0 ok, 1 data or processing error, 2 usage error.
#include "commands.hpp"

#include "regio/error.hpp"

#include <iostream>

namespace {

std::string command_path(const CLI::App* app) {
    std::string path;
    for (; app; app = app->get_parent()) path = app->get_name() + (path.empty() ? "" : " " + path);
    return path;
}

// `regio help aggregate points` shows the help of that command.
int show_help(CLI::App& app, const std::vector<std::string>& words) {
    CLI::App* target = &app;
    for (const auto& word : words) {
        CLI::App* next = nullptr;
        for (CLI::App* sub : target->get_subcommands([](CLI::App*) { return true; }))
            if (sub->get_name() == word) next = sub;
        if (!next) {
            std::cerr << "regio: error: no command '" << word << "' in '" << command_path(target) << "'\n";
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
    regio::cli::add_segregation(app, action);

    CLI::App* help = app.add_subcommand("help", "Show the help of a command: regio help aggregate points");
    std::vector<std::string> help_words;
    help->add_option("command", help_words, "Command words");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
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
        std::cerr << "regio: error: " << e.what() << '\n';
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << '\n';
        return 2;
    } catch (const regio::Error& e) {
        std::cerr << "regio: error: " << e.what() << '\n';
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "regio: error: " << e.what() << '\n';
        return 1;
    }
}
