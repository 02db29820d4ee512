#pragma once
// Helpers the real-data tests share: running the regio binary, reading a
// file whole, a temporary directory that cleans up after itself.
#include <filesystem>
#include <string>
#include <vector>

namespace regio_realdata {

namespace fs = std::filesystem;

// Runs the regio binary under test (no shell) with `args`; stdout is
// discarded, stderr goes to `err_path`. Returns the exit status (-1 when it
// could not run or did not exit normally).
int run_regio(const std::vector<std::string>& args, const fs::path& err_path);

// The whole file, byte for byte (empty if it cannot be read).
std::string slurp(const fs::path& path);

// Berlin's 2020 planning areas (plr_until2020 of
// city/berlin/berlin_lor_3035.gpkg under `data`) as published but for feature
// 204, which repeats the id of 205: its own id is 04030417. Writes a
// read-only OGR view plr.vrt into `dir` and returns its path (layer "plr").
fs::path planning_areas_2020_view(const fs::path& dir, const std::string& data);

// A fresh directory under the system's temporary directory, removed with
// all it holds on destruction.
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "regio-realdata");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

}  // namespace regio_realdata
