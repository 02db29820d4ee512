// The crosswalk commands as registry entries (harmonise/crosswalk_*_command):
// the options they declare, in the order help shows them, and that running
// one on a request with a missing input throws the library's error and
// writes nothing.
#include "regio/error.hpp"
#include "regio/harmonise/crosswalk_apply_command.hpp"
#include "regio/harmonise/crosswalk_build_command.hpp"
#include "regio/harmonise/crosswalk_chain_command.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <variant>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_commands_test {

namespace fs = std::filesystem;
using namespace regio;

namespace {

struct Workdir {
    fs::path path;
    Workdir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("regio-xwcmd-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~Workdir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    [[nodiscard]] bool empty() const { return fs::is_empty(path); }
};

std::vector<std::string> names(const options::OptionSet& options) {
    std::vector<std::string> out;
    for (const auto& d : options.declarations()) out.push_back(d.spec.names);
    return out;
}

std::vector<std::string> first(const std::vector<std::string>& all, std::size_t n) {
    return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(n, all.size()))};
}

std::vector<std::string> last(const std::vector<std::string>& all, std::size_t n) {
    return {all.end() - static_cast<std::ptrdiff_t>(std::min(n, all.size())), all.end()};
}

// Sets a declared option as a front-end would after parsing it.
template <class T>
void set(const options::OptionSet& options, const std::string& names, T value) {
    for (const auto& d : options.declarations())
        if (d.spec.names == names) {
            *std::get<T*>(d.target) = std::move(value);
            return;
        }
    FAIL("no option " << names);
}

}  // namespace

TEST_CASE("crosswalk build entry: its options in help order; a missing vintage is an error, nothing written") {
    const options::CommandEntry entry = harmonise::crosswalk_build_command();
    CHECK(entry.words == std::vector<std::string>{"crosswalk", "build"});
    options::OptionSet options;
    const auto command = entry.bind(options, {});
    const auto all = names(options);
    CHECK(first(all, 6) ==
          std::vector<std::string>{"--from", "--from-id", "--from-layer", "--from-set-id", "--from-skip-feature", "--to"});
    CHECK(last(all, 4) == std::vector<std::string>{"--threads", "-q,--quiet", "--output-layer", "--of"});
    CHECK(options.declarations().front().spec.required);
    CHECK(options.declarations().front().spec.value_name == options::kInputLayer);

    Workdir dir;
    set(options, "--from", (dir.path / "missing_2023.gpkg").string());
    set(options, "--from-id", std::string("id"));
    set(options, "--to", (dir.path / "missing_2024.gpkg").string());
    set(options, "--to-id", std::string("id"));
    set(options, "-o,--output", (dir.path / "crosswalk.csv").string());
    set(options, "--report", (dir.path / "report.json").string());
    CHECK_THROWS_AS(command->run(ProgressRange(ProgressFn{}), {}), regio::Error);
    CHECK(dir.empty());
}

TEST_CASE("crosswalk build entry: an unknown --encoding is a usage error before any input is read") {
    options::OptionSet options;
    const auto command = harmonise::crosswalk_build_command().bind(options, {});
    Workdir dir;
    set(options, "--from", (dir.path / "missing.gpkg").string());
    set(options, "--encoding", std::string("NO-SUCH-ENCODING"));
    set(options, "-o,--output", (dir.path / "crosswalk.csv").string());
    CHECK_THROWS_AS(command->run(ProgressRange(ProgressFn{}), {}), regio::UsageError);
    CHECK(dir.empty());
}

TEST_CASE("crosswalk apply entry: its options in help order; a missing crosswalk is an error, nothing written") {
    const options::CommandEntry entry = harmonise::crosswalk_apply_command();
    CHECK(entry.words == std::vector<std::string>{"crosswalk", "apply"});
    options::OptionSet options;
    const auto command = entry.bind(options, {});
    const auto all = names(options);
    CHECK(first(all, 4) == std::vector<std::string>{"--crosswalk", "--data", "--id", "--extensive"});
    CHECK(last(all, 4) == std::vector<std::string>{"--threads", "-q,--quiet", "--output-layer", "--of"});
    CHECK(options.declarations()[3].spec.delimiter == ',');

    Workdir dir;
    set(options, "--crosswalk", (dir.path / "missing_crosswalk.csv").string());
    set(options, "--data", (dir.path / "missing_data.csv").string());
    set(options, "--id", std::string("id"));
    set(options, "--extensive", std::vector<std::string>{"count"});
    set(options, "-o,--output", (dir.path / "carried.csv").string());
    set(options, "--report", (dir.path / "report.json").string());
    CHECK_THROWS_AS(command->run(ProgressRange(ProgressFn{}), {}), regio::Error);
    CHECK(dir.empty());
}

TEST_CASE("crosswalk chain entry: its options in help order; a missing crosswalk is an error, nothing written") {
    const options::CommandEntry entry = harmonise::crosswalk_chain_command();
    CHECK(entry.words == std::vector<std::string>{"crosswalk", "chain"});
    options::OptionSet options;
    const auto command = entry.bind(options, {});
    const auto all = names(options);
    CHECK(first(all, 3) == std::vector<std::string>{"crosswalks", "--strict", "-o,--output"});
    CHECK(last(all, 2) == std::vector<std::string>{"--output-layer", "--of"});
    CHECK(options::is_positional(options.declarations().front().spec));

    Workdir dir;
    set(options, "crosswalks",
        std::vector<std::string>{(dir.path / "a_b.csv").string(), (dir.path / "b_c.csv").string()});
    set(options, "-o,--output", (dir.path / "a_c.csv").string());
    set(options, "--report", (dir.path / "report.json").string());
    CHECK_THROWS_AS(command->run(ProgressRange(ProgressFn{}), {}), regio::Error);
    CHECK(dir.empty());
}

}  // namespace crosswalk_commands_test
