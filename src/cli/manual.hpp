#pragma once
// Man pages and bash completion generated from the command-line definition
// itself (the CLI11 tree every command registers), so help, manual and
// completion cannot drift apart. Run at build time by `regio docs`.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace regio::cli {

// The commands a user can run, depth first: {"aggregate"}, {"aggregate", "points"}, ...
// Hidden commands (empty group) and `help` are left out.
std::vector<std::vector<std::string>> command_paths(const CLI::App& root);

// The man page (roff, section 1) of the command at `path` ({} for regio itself).
std::string man_page(const CLI::App& root, const std::vector<std::string>& path, const std::string& version);

// The file name of that page: "regio.1", "regio-aggregate-points.1".
std::string man_page_name(const std::vector<std::string>& path);

// A bash completion script for every command and option.
std::string bash_completion(const CLI::App& root);

}  // namespace regio::cli
