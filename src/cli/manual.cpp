#include "manual.hpp"
#include "manual_markup.hpp"
#include "manual_texts.hpp"
#include "roff_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace regio::cli {
namespace {

bool is_listed(const CLI::App* app) { return !app->get_group().empty() && app->get_name() != "help"; }

std::vector<const CLI::App*> listed_subcommands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* sub) { return is_listed(sub); });
}

const CLI::App& find_command(const CLI::App& root, const std::vector<std::string>& path) {
    const CLI::App* app = &root;
    for (const auto& word : path) app = app->get_subcommand(word);
    return *app;
}

void collect_paths(const CLI::App& app, std::vector<std::string>& prefix,
                   std::vector<std::vector<std::string>>& out) {
    for (const CLI::App* sub : listed_subcommands(app)) {
        prefix.push_back(sub->get_name());
        out.push_back(prefix);
        collect_paths(*sub, prefix, out);
        prefix.pop_back();
    }
}

std::string joined(const std::vector<std::string>& words, const std::string& separator) {
    std::string text;
    for (const auto& word : words) text += (text.empty() ? "" : separator) + word;
    return text;
}

// CLI11 marks a flag by expecting no value.
bool is_flag(const CLI::Option* option) { return option->get_expected_max() == 0; }

std::string option_names(const CLI::Option* option) {
    if (!option->nonpositional()) return option->get_name();
    std::vector<std::string> names;
    for (const auto& s : option->get_snames()) names.push_back("-" + s);
    for (const auto& l : option->get_lnames()) names.push_back("--" + l);
    return joined(names, ", ");
}

std::string value_name(const CLI::Option* option) {
    return option->get_type_name().empty() ? std::string("VALUE") : option->get_type_name();
}

// The footer holds notes and, after a line "Example:" or "Examples:", the
// examples; the manual puts them in their own sections.
struct FooterParts {
    std::string notes;
    std::string examples;
};

FooterParts split_footer(const std::string& footer) {
    for (const std::string marker : {"Examples:\n", "Example:\n"}) {
        const auto at = footer.find(marker);
        if (at != std::string::npos && (at == 0 || footer[at - 1] == '\n'))
            return {footer.substr(0, at), footer.substr(at + marker.size())};
    }
    return {footer, {}};
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

void write_synopsis(std::ostringstream& page, const CLI::App& command, const std::string& full_name) {
    page << ".SH SYNOPSIS\n.B " << roff_text(full_name) << '\n';
    const auto subcommands = listed_subcommands(command);
    if (!subcommands.empty()) {
        std::vector<std::string> names;
        for (const CLI::App* sub : subcommands) names.push_back(sub->get_name());
        page << "{" << roff_text(joined(names, "|")) << "} [\\fIOPTIONS\\fR]\n";
        return;
    }
    for (const CLI::Option* option : command.get_options()) {
        if (!option->get_required() && option->nonpositional()) continue;
        const std::string name = option->nonpositional() ? "--" + option->get_lnames().front() : "";
        if (!option->nonpositional()) page << "\\fI" << roff_text(option->get_name()) << "\\fR\n";
        else page << "\\fB" << roff_text(name) << "\\fR \\fI" << roff_text(value_name(option)) << "\\fR\n";
    }
    page << "[\\fIOPTIONS\\fR]\n";
}

void write_options(std::ostringstream& page, const CLI::App& command) {
    page << ".SH OPTIONS\n";
    for (const CLI::Option* option : command.get_options()) {
        page << ".TP\n\\fB" << roff_text(option_names(option)) << "\\fR";
        if (!is_flag(option)) page << " \\fI" << roff_text(value_name(option)) << "\\fR";
        page << '\n' << roff_text(option->get_description());
        if (option->get_required()) page << " (required)";
        if (!option->get_default_str().empty()) page << " Default: " << roff_text(option->get_default_str()) << '.';
        page << '\n';
    }
}

}  // namespace

std::vector<std::vector<std::string>> command_paths(const CLI::App& root) {
    std::vector<std::vector<std::string>> paths;
    std::vector<std::string> prefix;
    collect_paths(root, prefix, paths);
    return paths;
}

std::string man_page_name(const std::vector<std::string>& path) {
    return "regio" + (path.empty() ? std::string() : "-" + joined(path, "-")) + ".1";
}

std::string man_page(const CLI::App& root, const std::vector<std::string>& path, const std::string& version) {
    const CLI::App& command = find_command(root, path);
    const std::string page_name = man_page_name(path).substr(0, man_page_name(path).size() - 2);
    const std::string full_name = "regio" + (path.empty() ? std::string() : " " + joined(path, " "));
    std::string upper = page_name;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });

    std::ostringstream page;
    // No date: the page is the same for every build of a version.
    page << ".TH " << roff_text(upper) << " 1 \"\" \"regio " << roff_text(version) << "\" \"regio manual\"\n";
    page << ".SH NAME\n" << roff_text(page_name) << " \\- " << roff_text(command.get_description()) << '\n';
    write_synopsis(page, command, full_name);

    const FooterParts footer = split_footer(command.get_footer());
    const std::string& description = command.get_description();
    page << ".SH DESCRIPTION\n" << roff_text(description) << (description.ends_with('.') ? "\n" : ".\n");
    // The reference prose of src/cli/manual/<page>.txt: its description
    // here, its other sections (NOTES, OUTPUT, FILES, ...) after EXIT STATUS.
    const std::string text_name = path.empty() ? std::string("regio") : joined(path, "-");
    const auto sections = manual_sections(std::string(manual_text(text_name)));
    page << sections.front().roff;
    if (!trimmed(footer.notes).empty()) page << ".PP\n.nf\n" << roff_text(trimmed(footer.notes)) << "\n.fi\n";
    const auto subcommands = listed_subcommands(command);
    if (!subcommands.empty()) {
        page << ".SH COMMANDS\n";
        for (const CLI::App* sub : subcommands) {
            auto sub_path = path;
            sub_path.push_back(sub->get_name());
            page << ".TP\n\\fB" << roff_text(sub->get_name()) << "\\fR\n" << roff_text(sub->get_description())
                 << " See \\fB" << roff_text(man_page_name(sub_path).substr(0, man_page_name(sub_path).size() - 2))
                 << "\\fR(1).\n";
        }
    }
    write_options(page, command);
    page << ".SH EXIT STATUS\n.TP\n0\nSuccess.\n.TP\n1\nA data or processing error: bad input, a failed check "
            "(conservation, CRS), an output that could not be written.\n.TP\n2\nA usage error: unknown or "
            "missing options, contradicting options.\n";
    page << ".PP\nEvery error is one line on standard error naming the file, layer, line or feature and field, "
            "often followed by a line starting with \"hint:\".\n";
    for (std::size_t i = 1; i < sections.size(); ++i)
        page << ".SH " << roff_text(sections[i].title) << '\n' << sections[i].roff;
    if (!trimmed(footer.examples).empty())
        page << ".SH EXAMPLES\n.nf\n" << roff_text(trimmed(footer.examples)) << "\n.fi\n";
    page << ".SH SEE ALSO\n";
    std::vector<std::string> see_also;
    if (!path.empty()) see_also.push_back("\\fBregio\\fR(1)");
    const auto parent_path = path.empty() ? path : std::vector<std::string>(path.begin(), path.end() - 1);
    for (const CLI::App* sibling : listed_subcommands(find_command(root, parent_path))) {
        auto sibling_path = parent_path;
        sibling_path.push_back(sibling->get_name());
        if (sibling_path == path) continue;
        const std::string name = man_page_name(sibling_path);
        see_also.push_back("\\fB" + roff_text(name.substr(0, name.size() - 2)) + "\\fR(1)");
    }
    page << joined(see_also, ",\n") << '\n';
    return page.str();
}

std::string bash_completion(const CLI::App& root) {
    // One table of subcommands and one of options per command path ("/" for
    // regio itself, "/aggregate/points" ...); the function walks the words
    // typed so far to find the command being completed.
    std::ostringstream script;
    script << "# bash completion for regio; generated from the command-line definition by `regio docs`.\n";
    script << "declare -gA _regio_subcommands=()\ndeclare -gA _regio_options=()\n";
    auto paths = command_paths(root);
    paths.insert(paths.begin(), std::vector<std::string>{});
    for (const auto& path : paths) {
        const CLI::App& command = find_command(root, path);
        const std::string key = "/" + joined(path, "/");
        std::vector<std::string> subcommands;
        for (const CLI::App* sub : listed_subcommands(command)) subcommands.push_back(sub->get_name());
        std::vector<std::string> options;
        for (const CLI::Option* option : command.get_options()) {
            for (const auto& s : option->get_snames()) options.push_back("-" + s);
            for (const auto& l : option->get_lnames()) options.push_back("--" + l);
        }
        script << fmt::format("_regio_subcommands[\"{}\"]='{}'\n_regio_options[\"{}\"]='{}'\n", key, joined(subcommands, " "),
                              key, joined(options, " "));
    }
    script << R"(_regio() {
    local cur=${COMP_WORDS[COMP_CWORD]} path="" word
    for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
        [[ -n ${_regio_options["$path/$word"]+set} ]] && path="$path/$word"
    done
    local key=${path:-/}
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "${_regio_options[$key]}" -- "$cur"))
    else
        COMPREPLY=($(compgen -W "${_regio_subcommands[$key]}" -- "$cur"))
        [[ ${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _regio regio
)";
    return script.str();
}

}  // namespace regio::cli
