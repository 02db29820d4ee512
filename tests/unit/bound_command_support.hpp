#pragma once
// Unit tests of registry entries (issue #13) without a front-end: declare an
// entry's options into an OptionSet, list their names in order, set values
// through the declarations as a front-end's parser would, and run.
#include "regio/options/command_entry.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace regio_test {

struct DeclaredCommand {
    regio::options::OptionSet options;
    std::unique_ptr<regio::options::BoundCommand> command;

    explicit DeclaredCommand(const regio::options::CommandEntry& entry) : command(entry.bind(options, {})) {}

    // The long names of the declarations, in the order declared (help's order).
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> result;
        for (const auto& d : options.declarations()) result.push_back(regio::options::long_name(d.spec));
        return result;
    }

    // Sets a text option's value as parsing `--name value` would.
    void set(std::string_view name, const std::string& value) {
        for (const auto& d : options.declarations()) {
            if (regio::options::long_name(d.spec) != name) continue;
            if (auto* const* text = std::get_if<std::string*>(&d.target)) {
                **text = value;
                return;
            }
            FAIL("--" << name << " is not a text option");
        }
        FAIL("no option --" << name);
    }
};

// The first `n` and the last `n` of `names`.
inline std::vector<std::string> first_of(const std::vector<std::string>& names, std::size_t n) {
    return {names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(n, names.size()))};
}
inline std::vector<std::string> last_of(const std::vector<std::string>& names, std::size_t n) {
    return {names.end() - static_cast<std::ptrdiff_t>(std::min(n, names.size())), names.end()};
}

// A fresh, empty directory for one test's outputs, removed afterwards.
struct CommandOutDir {
    std::filesystem::path path;
    explicit CommandOutDir(const std::string& tag)
        : path(std::filesystem::temp_directory_path() / ("regio_" + tag + "_" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~CommandOutDir() { std::filesystem::remove_all(path); }
    [[nodiscard]] bool empty() const { return std::filesystem::is_empty(path); }
};

}  // namespace regio_test
