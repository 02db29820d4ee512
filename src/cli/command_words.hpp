#pragma once
// Checks the words of a command line against the command tree before CLI11
// parses it, so that a mistyped command or option is reported first, by its
// own name, with the nearest real one ("did you mean"): CLI11 alone reports
// `regio agregate points` as unexpected arguments in reverse order, a missing
// required option before an unknown one, and `regio maps --help` as the
// top-level help with exit 0.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace regio::cli {

// The candidate nearest to `word` (edit distance with transpositions), if it
// is near enough to be a likely typo.
std::optional<std::string> nearest_word(const std::string& word, const std::vector<std::string>& candidates);

// The one-line usage error for the first unknown command or option in
// `args` (argv[1..]), or nothing when every word is known.
std::optional<std::string> check_command_words(const CLI::App& root, const std::vector<std::string>& args);

}  // namespace regio::cli
