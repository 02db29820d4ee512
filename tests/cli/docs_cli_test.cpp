// Man pages and bash completion generated from the command-line definition
// (`regio docs`): every command has a page with every section, an example,
// help text, and a completion entry; the pages render without groff warnings.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

struct Docs {
    TempDir dir;
    fs::path man() const { return dir / "man"; }
    fs::path completion() const { return dir / "regio.bash"; }
};

// Generated once per test process, into a directory removed at exit.
const Docs& generated_docs() {
    static const Docs docs;
    static const bool generated = [] {
        const RunResult r =
            run_regio({"docs", "--man-dir", docs.man().string(), "--completion", docs.completion().string()});
        return r.exit_code == 0 && r.err.empty();
    }();
    REQUIRE(generated);
    return docs;
}

// The command paths the completion knows ("aggregate points", ...): its keys.
std::vector<std::string> completion_commands(const std::string& script) {
    std::vector<std::string> commands;
    const std::regex key(R"re(_regio_options\["/([^"]*)"\])re");
    for (std::sregex_iterator it(script.begin(), script.end(), key), end; it != end; ++it) {
        std::string path = (*it)[1];
        std::replace(path.begin(), path.end(), '/', ' ');
        if (!path.empty()) commands.push_back(path);
    }
    return commands;
}

std::vector<std::string> words_of(const std::string& path) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : path + " ") {
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

std::string page_file(const std::string& path) {
    std::string name = "regio-" + path + ".1";
    std::replace(name.begin(), name.end(), ' ', '-');
    return name;
}

bool has_subcommands(const std::string& script, const std::string& path) {
    std::string key = "/" + path;
    std::replace(key.begin(), key.end(), ' ', '/');
    return script.find("_regio_subcommands[\"" + key + "\"]=''") == std::string::npos;
}

// "the the", "The the": a word typed twice in a row.
std::optional<std::string> doubled_word(const std::string& text) {
    // One space between: the help's columns put a name and its description
    // further apart ("--quiet   Quiet ..."); and an option's value may
    // repeat its name ("--out out").
    const std::regex doubled(R"((^|[^-\w])([A-Za-z]+) \2\b)", std::regex::icase);
    std::smatch m;
    if (std::regex_search(text, m, doubled)) return m.str(2) + " " + m.str(2);
    return std::nullopt;
}

std::string bash_complete(const std::string& script, const std::vector<std::string>& words) {
    std::string array;
    for (const auto& w : words) array += " '" + w + "'";
    const std::string program = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" +
                                std::to_string(words.size() - 1) + "; _regio; [ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\\n' \"${COMPREPLY[@]}\"";
    const auto bash = find_on_path("bash");
    REQUIRE(bash);
    const RunResult r = run_program(*bash, {"-c", program});
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("regio docs writes a man page with every section for every command", "[cli][docs]") {
    const Docs& docs = generated_docs();
    const std::string script = read_file(docs.completion());
    const auto commands = completion_commands(script);
    // Every command a user can type is there, and nothing hidden.
    for (const std::string expected_command : {"aggregate points", "aggregate grid", "crosswalk build", "crosswalk apply", "compare", "atlas", "segregation",
                                               "crosswalk chain", "classify", "map", "indicators", "degurba",
                                               "regionalise", "run"})
        CHECK(std::count(commands.begin(), commands.end(), expected_command) == 1);
    CHECK(std::count(commands.begin(), commands.end(), "docs") == 0);
    CHECK(std::count(commands.begin(), commands.end(), "help") == 0);

    std::set<std::string> pages;
    for (const auto& name : list_dir(docs.man())) pages.insert(name);
    CHECK(pages.count("regio.1") == 1);
    CHECK(pages.size() == commands.size() + 1);  // no page without a command

    for (const auto& command : commands) {
        INFO("command: " << command);
        REQUIRE(pages.count(page_file(command)) == 1);
        const std::string page = read_file(docs.man() / page_file(command));
        for (const std::string section : {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS",
                                          ".SH EXIT STATUS", ".SH SEE ALSO"})
            CHECK_THAT(page, Contains(section));
        CHECK_THAT(page, Contains("\\-\\-help"));
        // Commands that do something show how; groups list their commands.
        if (has_subcommands(script, command)) CHECK_THAT(page, Contains(".SH COMMANDS"));
        else CHECK_THAT(page, Contains(".SH EXAMPLES"));

        // Help text: exit 0, names the command, no word typed twice.
        const RunResult help = run_regio(words_of("help " + command));
        CHECK(help.exit_code == 0);
        CHECK_THAT(help.out, Contains("Usage: regio " + command));
        const auto doubled = doubled_word(help.out);
        CHECK_FALSE(doubled.has_value());
        if (doubled) WARN("doubled word in the help of " << command << ": " << *doubled);
    }
}

TEST_CASE("the man pages render without groff warnings", "[cli][docs]") {
    const auto groff = find_on_path("groff");
    if (!groff) {
        WARN("groff is not installed (groff-base, tools/install-deps): rendering not checked");
        return;
    }
    const Docs& docs = generated_docs();
    for (const auto& name : list_dir(docs.man())) {
        INFO("page: " << name);
        const RunResult r = run_program(*groff, {"-man", "-Tutf8", "-ww", "-z", (docs.man() / name).string()});
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
    }
}

TEST_CASE("bash completion completes commands and options from the definition", "[cli][docs]") {
    const Docs& docs = generated_docs();
    const std::string script = docs.completion().string();
    CHECK(bash_complete(script, {"regio", "agg"}) == "aggregate\n");
    CHECK(bash_complete(script, {"regio", "aggregate", "po"}) == "points\n");
    CHECK(bash_complete(script, {"regio", "crosswalk", "b"}) == "build\n");
    CHECK(bash_complete(script, {"regio", "aggregate", "points", "--reg"}) == "--regions\n--regions-layer\n--regions-sql\n");
    CHECK(bash_complete(script, {"regio", "aggregate", "points", "--regions", "x.gpkg", "--overw"}) == "--overwrite\n");
    // Options of one command are not offered for another.
    CHECK(bash_complete(script, {"regio", "classify", "--points-c"}).empty());
}
