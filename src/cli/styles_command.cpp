// regio styles: the shipped map styles, usable by name with --style NAME.
#include "commands.hpp"

#include "regio/style/style_catalog.hpp"

#include <fmt/format.h>

#include <iostream>

namespace regio::cli {

namespace {

int run_styles() {
    const auto styles = style::shipped_styles();
    if (styles.empty()) {
        std::cout << "no styles found (searched ./styles and the installed share/regio/styles)\n";
        return 0;
    }
    std::size_t width = 0;
    for (const auto& s : styles) width = std::max(width, s.name.size());
    for (const auto& s : styles) std::cout << fmt::format("{:<{}}  {}\n", s.name, width, s.description);
    std::cout << "from: ";
    const auto dirs = style::style_directories();
    for (std::size_t i = 0; i < dirs.size(); ++i) std::cout << (i ? ", " : "") << dirs[i];
    std::cout << '\n';
    return 0;
}

}  // namespace

void add_styles(CLI::App& app, Action& action) {
    CLI::App* cmd = app.add_subcommand("styles", "List the shipped map styles (use them with map --style NAME)");
    cmd->footer(R"(Example:
  regio styles
  regio map --layer districts.gpkg:districts_2024 --id district_id --field rate --style rate -o map.svg)");
    cmd->callback([&action] { action = [] { return run_styles(); }; });
}

}  // namespace regio::cli
