// Man pages and bash completion generated from the command-line definition
// (`regio docs`): every command has a page with every section, an example,
// help text, and a completion entry; the pages render without groff warnings;
// every page carries the reference prose of src/cli/manual/, and the README
// documents no command's options (issue #13).
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace docs_cli_test {

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

// Issue #13: the registry in the library lists every command once; each one
// it lists has its man page, its completion entry and its help text, named
// by the registry itself (not by a list kept in this test).
TEST_CASE("every command of the registry has a man page, a completion entry and help text", "[cli][docs]") {
    const Docs& docs = generated_docs();
    const auto commands = completion_commands(read_file(docs.completion()));
    const TempDir dir;
    REQUIRE(run_regio({"docs", "--registry-catalog", (dir / "registry.json").string()}).exit_code == 0);
    const auto registry = nlohmann::json::parse(read_file(dir / "registry.json"));
    REQUIRE(registry.size() >= 13);
    for (const auto& entry : registry) {
        const std::string command = entry["name"];
        INFO("command: " << command);
        CHECK(std::count(commands.begin(), commands.end(), command) == 1);
        CHECK(std::filesystem::exists(docs.man() / page_file(command)));
        const RunResult help = run_regio(words_of("help " + command));
        CHECK(help.exit_code == 0);
        CHECK_THAT(help.out, Contains(entry["help"].get<std::string>()));
        for (const auto& option : entry["options"]) {
            const std::string name = option["name"];
            CHECK_THAT(help.out, Contains(option["positional"] ? name : "--" + name) || Contains("-" + name));
        }
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

namespace {

const fs::path kSourceDir = fs::path(REGIO_TEST_DATA).parent_path().parent_path();

// The roff lines of a page's DESCRIPTION section (up to the next .SH).
std::size_t description_lines(const std::string& page) {
    const auto begin = page.find(".SH DESCRIPTION\n");
    if (begin == std::string::npos) return 0;
    const auto end = page.find("\n.SH ", begin + 1);
    const std::string section = page.substr(begin, end - begin);
    return static_cast<std::size_t>(std::count(section.begin(), section.end(), '\n'));
}

}  // namespace

TEST_CASE("every man page carries the reference prose of its command", "[cli][docs]") {
    const Docs& docs = generated_docs();
    const auto pages = list_dir(docs.man());
    // One text per page under src/cli/manual/, and no text without a command.
    std::set<std::string> texts;
    for (const auto& name : list_dir(kSourceDir / "src" / "cli" / "manual")) texts.insert(name);
    CHECK(texts.size() == pages.size());
    for (const auto& page_name : pages) {
        INFO("page: " << page_name);
        const std::string stem = page_name.substr(0, page_name.size() - 2);  // "regio-map"
        const std::string text = stem == "regio" ? "regio.txt" : stem.substr(6) + ".txt";
        CHECK(texts.count(text) == 1);
        const std::string page = read_file(docs.man() / page_name);
        // More than the one-line description: at least a paragraph of prose.
        CHECK(description_lines(page) >= 8);
    }
    // The overview and the longer references keep their sections and lists.
    const std::string overview = read_file(docs.man() / "regio.1");
    for (const std::string part : {".SS Where your data lives", ".SS Text inputs", ".SS Memory limit", ".SH ENVIRONMENT",
                                   ".SH FILES", ".SH SIGNALS", "REGIO_MAX_GRID_CELLS", "/vsizip/"})
        CHECK_THAT(overview, Contains(part));
    const std::string points = read_file(docs.man() / "regio-aggregate-points.1");
    CHECK_THAT(points, Contains(".IP \\(bu 2\n\\fB\\%Boundary rule\\fR"));
    const std::string build = read_file(docs.man() / "regio-crosswalk-build.1");
    CHECK_THAT(build, Contains(".TP\n\\fB\\%split_merge\\fR\nmany to many"));
}

TEST_CASE("the README is a guide: no command's options documented there", "[cli][docs]") {
    const std::string readme = read_file(kSourceDir / "README.md");
    CHECK(readme.size() < 25 * 1024);
    // No per-command reference sections ("### regio map"), no option tables
    // ("| `--weight` | ..." or "| option | ..."), no synopses with optional
    // options ("regio map ... [--title T]").
    const std::regex reference_heading(R"re(^#+ regio [a-z])re");
    const std::regex option_row(R"re(^\s*\|\s*`?--?[a-z])re");
    const std::regex option_table_header(R"re(^\s*\|\s*(option|key|stat|type)\s*\|)re");
    const std::regex synopsis(R"re(\[--[a-z-]+( [A-Z]|\]))re");
    std::vector<std::string> reference_lines;
    std::istringstream lines(readme);
    std::size_t number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        for (const auto* pattern : {&reference_heading, &option_row, &option_table_header, &synopsis})
            if (std::regex_search(line, *pattern)) reference_lines.push_back("README.md:" + std::to_string(number) + ": " + line);
    }
    CHECK(reference_lines == std::vector<std::string>{});
}

}  // namespace docs_cli_test
