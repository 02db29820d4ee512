#pragma once
// A registry entry (issue #13) bound as a front-end binds it, for the unit
// tests of the commands declared in the library: the declared options' long
// names in order, values set by option name as a parser sets them, run()
// without the CLI, and a scratch directory to check that a failed run writes
// nothing.
#include "regio/options/command_entry.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>
#include <vector>

namespace regio::test {

struct BoundEntry {
    options::OptionSet options;
    std::unique_ptr<options::BoundCommand> command;

    explicit BoundEntry(const options::CommandEntry& entry) : command(entry.bind(options, options::StepContext{})) {}

    // The long names ("data" of "--data", "output" of "-o,--output"), in
    // declaration order (the order help shows).
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& d : options.declarations()) out.push_back(options::long_name(d.spec));
        return out;
    }

    // Sets the option called `name` (without dashes) as parsing `--name value`
    // would: a text option takes the value, a list of text gains it.
    void set(std::string_view name, const std::string& value) {
        for (const auto& d : options.declarations()) {
            if (options::long_name(d.spec) != name) continue;
            if (auto* const* text = std::get_if<std::string*>(&d.target)) **text = value;
            else if (auto* const* list = std::get_if<std::vector<std::string>*>(&d.target)) (*list)->push_back(value);
            else FAIL("--" << name << " does not take text");
            return;
        }
        FAIL("no option --" << name);
    }

    // Runs without progress, dropping the warnings.
    options::CommandOutcome run() { return command->run(ProgressRange(nullptr), [](std::string_view) {}); }
};

// The first `n` and the last `n` of `names` (all of them when there are fewer).
inline std::vector<std::string> first_names(const std::vector<std::string>& names, std::size_t n) {
    return {names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(n, names.size()))};
}
inline std::vector<std::string> last_names(const std::vector<std::string>& names, std::size_t n) {
    return {names.end() - static_cast<std::ptrdiff_t>(std::min(n, names.size())), names.end()};
}

// A fresh, empty directory for one test's outputs (per process: ctest runs
// cases in parallel), removed afterwards.
struct ScratchDirectory {
    std::filesystem::path path;
    explicit ScratchDirectory(const std::string& stem)
        : path(std::filesystem::temp_directory_path() / (stem + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~ScratchDirectory() {
        std::error_code ignored;  // a destructor must not throw
        std::filesystem::remove_all(path, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    [[nodiscard]] bool empty() const { return std::filesystem::is_empty(path); }
    [[nodiscard]] std::string file(const std::string& name) const { return (path / name).string(); }
};

}  // namespace regio::test
