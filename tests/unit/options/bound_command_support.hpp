#pragma once
// A registry entry bound as a front-end binds it, for unit tests of the
// commands' library entries: the declared options' names in order, values
// set by option name as if parsed, and a scratch directory to check that a
// failed run writes nothing.
#include "regio/options/command_entry.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace regio::test {

struct BoundEntry {
    options::OptionSet options;
    std::unique_ptr<options::BoundCommand> command;

    explicit BoundEntry(const options::CommandEntry& entry) : command(entry.bind(options, options::StepContext{})) {}

    // The long names ("data" of "--data", "output" of "-o,--output"), in declaration order.
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& d : options.declarations()) out.push_back(options::long_name(d.spec));
        return out;
    }

    // Sets a text or list-of-text option as the parser would.
    void set(const std::string& name, const std::string& value) {
        for (const auto& d : options.declarations()) {
            if (options::long_name(d.spec) != name) continue;
            if (auto* const* text = std::get_if<std::string*>(&d.target)) **text = value;
            else if (auto* const* list = std::get_if<std::vector<std::string>*>(&d.target)) (*list)->push_back(value);
            else FAIL("option " << name << " does not take text");
            return;
        }
        FAIL("no option " << name);
    }

    options::CommandOutcome run() { return command->run(ProgressRange(nullptr), [](std::string_view) {}); }
};

struct ScratchDirectory {
    std::filesystem::path path;
    explicit ScratchDirectory(const std::string& stem)
        : path(std::filesystem::temp_directory_path() / (stem + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~ScratchDirectory() { std::filesystem::remove_all(path); }
    [[nodiscard]] bool empty() const { return std::filesystem::is_empty(path); }
    [[nodiscard]] std::string file(const std::string& name) const { return (path / name).string(); }
};

}  // namespace regio::test
