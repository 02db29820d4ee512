#pragma once
// Helpers for the end-to-end CLI tests: run the regio binary (no shell),
// per-test temporary directories, small file utilities.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regio_test {

namespace fs = std::filesystem;

struct RunResult {
    int exit_code = -1;  // the process's exit status; 128 + N if killed by signal N
    std::string out;     // everything written to stdout
    std::string err;     // everything written to stderr
};

// Runs `program` (a path, not looked up on PATH) with `args` (argv[1..]) in
// directory `cwd` (the current one if empty); stdin is /dev/null.
RunResult run_program(const std::string& program, const std::vector<std::string>& args, const fs::path& cwd = {});

// Runs the regio binary under test (REGIO_BINARY).
RunResult run_regio(const std::vector<std::string>& args, const fs::path& cwd = {});

// The full path of `name` found on PATH, if any.
std::optional<std::string> find_on_path(const std::string& name);

// A fresh, empty directory, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const fs::path& path() const { return m_path; }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return m_path / name; }
    // Creates (and returns) the subdirectory `name`.
    fs::path subdir(const std::string& name) const;

private:
    fs::path m_path;
};

// The whole file, byte for byte; throws std::runtime_error if it cannot be read.
std::string read_file(const fs::path& path);
// Creates or replaces the file with exactly `content`.
void write_file(const fs::path& path, std::string_view content);
// Names of all entries in `dir` (including hidden ones), sorted.
std::vector<std::string> list_dir(const fs::path& dir);
// Copies the fixture `name` into `dir`, returns the new path.
fs::path copy_fixture(const std::string& name, const fs::path& dir);

// Absolute paths of a fixture under tests/data and of an expected output under tests/cli/expected.
std::string data(const std::string& name);
std::string expected(const std::string& name);

// The number after `"key": ` at the first occurrence of that key following
// `"anchor": ` in a JSON text (nullopt if not found). Enough for regio's
// pretty-printed reports without a JSON library.
std::optional<double> json_number(const std::string& json, const std::string& anchor, const std::string& key);

// The line of `text` that starts with `prefix` (nullopt if none).
std::optional<std::string> line_starting_with(const std::string& text, const std::string& prefix);

}  // namespace regio_test
