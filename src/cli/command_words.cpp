#include "command_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace regio::cli {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of two neighbours ("biuld" -> "build") each cost one.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                             std::tolower(static_cast<unsigned char>(b[j - 1]))
                                         ? 0
                                         : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

bool is_number(const std::string& word) {
    if (word.size() < 2 || word[0] != '-') return false;
    return std::all_of(word.begin() + 1, word.end(),
                       [](unsigned char c) { return std::isdigit(c) || c == '.' || c == ',' || c == 'e' || c == '-'; });
}

std::string command_name(const CLI::App* app) {
    std::string path;
    for (; app; app = app->get_parent()) path = app->get_name() + (path.empty() ? "" : " " + path);
    return path;
}

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        for (const auto& l : option->get_lnames()) names.push_back("--" + l);
        for (const auto& s : option->get_snames()) names.push_back("-" + s);
    }
    return names;
}

const CLI::Option* find_option(const CLI::App& app, const std::string& name) {
    for (const CLI::Option* option : app.get_options()) {
        for (const auto& l : option->get_lnames())
            if (name == "--" + l) return option;
        for (const auto& s : option->get_snames())
            if (name == "-" + s) return option;
    }
    return nullptr;
}

bool has_positionals(const CLI::App& app) {
    const auto options = app.get_options();
    return std::any_of(options.begin(), options.end(), [](const CLI::Option* o) { return !o->nonpositional(); });
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    const auto near = nearest_word(word, candidates);
    return near ? fmt::format(" (did you mean '{}'?)", *near) : std::string();
}

}  // namespace

std::optional<std::string> nearest_word(const std::string& word, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    // A typo changes a few letters: at most 2, and at most a third of the word.
    if (!best || best_distance == 0 || best_distance > 2 || best_distance * 3 > std::max(word.size(), best->size()))
        return std::nullopt;
    return best;
}

std::optional<std::string> check_command_words(const CLI::App& root, const std::vector<std::string>& args) {
    const CLI::App* app = &root;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") break;  // the rest are values
        if (arg.size() > 1 && arg[0] == '-' && !is_number(arg)) {
            const std::string name = arg.substr(0, arg.find('='));
            // Grouped short flags ("-qv") are left to CLI11.
            if (name[1] != '-' && name.size() > 2) continue;
            const CLI::Option* option = find_option(*app, name);
            if (!option)
                return fmt::format("unknown option '{}' for '{}'{}", name, command_name(app),
                                   did_you_mean(name, option_names(*app)));
            if (option->get_expected_max() == 0 || name.size() < arg.size()) continue;  // a flag, or --name=value
            // Its values: one, or (lists) every following word that is not an option.
            if (option->get_expected_max() == 1 && option->get_type_size_max() <= 1) {
                ++i;
                continue;
            }
            while (i + 1 < args.size() && (args[i + 1].empty() || args[i + 1][0] != '-' || is_number(args[i + 1]))) ++i;
            continue;
        }
        const CLI::App* sub = nullptr;
        for (const CLI::App* candidate : app->get_subcommands([](const CLI::App*) { return true; }))
            if (candidate->get_name() == arg) sub = candidate;
        if (sub) {
            if (sub->get_name() == "help") return std::nullopt;  // its words are command names, checked there
            app = sub;
            continue;
        }
        const auto subcommands = app->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
        if (!subcommands.empty() && !has_positionals(*app)) {
            std::vector<std::string> names;
            for (const CLI::App* s : subcommands) names.push_back(s->get_name());
            return fmt::format("unknown command '{}' in '{}'{}", arg, command_name(app), did_you_mean(arg, names));
        }
    }
    return std::nullopt;
}

}  // namespace regio::cli
