#pragma once
// A registry entry (issue #13) bound as a front-end binds it, for the unit
// tests of the commands declared in the library: the declared option names in
// order, and values set through the declarations' targets as a parser sets
// them, so that run() can be called without the CLI.
#include "regio/options/command_entry.hpp"

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace regio::test {

struct BoundEntry {
    options::OptionSet options;
    std::unique_ptr<options::BoundCommand> command;

    explicit BoundEntry(const options::CommandEntry& entry) : command(entry.bind(options, options::StepContext{})) {}

    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& d : options.declarations()) out.push_back(options::long_name(d.spec));
        return out;
    }
    // Sets the option called `name` ("points", without dashes) whose target
    // is of type T; throws std::logic_error when there is none.
    template <class T>
    void set(std::string_view name, T value) {
        for (const auto& d : options.declarations()) {
            if (options::long_name(d.spec) != name) continue;
            *std::get<T*>(d.target) = std::move(value);
            return;
        }
        throw std::logic_error("no option --" + std::string(name));
    }
    void set_text(std::string_view name, std::string value) { set<std::string>(name, std::move(value)); }
};

// The first `n` and the last `n` of `names`.
inline std::vector<std::string> first_names(const std::vector<std::string>& names, std::size_t n) {
    return {names.begin(), names.begin() + static_cast<std::ptrdiff_t>(n)};
}
inline std::vector<std::string> last_names(const std::vector<std::string>& names, std::size_t n) {
    return {names.end() - static_cast<std::ptrdiff_t>(n), names.end()};
}

// A fresh empty directory (per process: ctest runs cases in parallel),
// removed at the end.
struct EmptyDir {
    std::filesystem::path path;
    explicit EmptyDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~EmptyDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    EmptyDir(const EmptyDir&) = delete;
    EmptyDir& operator=(const EmptyDir&) = delete;
    [[nodiscard]] bool empty() const { return std::filesystem::is_empty(path); }
    [[nodiscard]] std::string file(const std::string& name) const { return (path / name).string(); }
};

}  // namespace regio::test
