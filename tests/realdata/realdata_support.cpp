#include "realdata_support.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace regio_realdata {

int run_regio(const std::vector<std::string>& args, const fs::path& err_path) {
    std::vector<std::string> owned{REGIO_BINARY};
    owned.insert(owned.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : owned) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, REGIO_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

fs::path planning_areas_2020_view(const fs::path& dir, const std::string& data) {
    const fs::path vrt = dir / "plr.vrt";
    std::ofstream(vrt) << "<OGRVRTDataSource><OGRVRTLayer name=\"plr\"><SrcDataSource>" << data
                       << "/city/berlin/berlin_lor_3035.gpkg</SrcDataSource><SrcSQL dialect=\"sqlite\">SELECT CASE WHEN fid = 204 "
                          "THEN '04030417' ELSE id END AS id, geom FROM plr_until2020 ORDER BY fid</SrcSQL></OGRVRTLayer></OGRVRTDataSource>\n";
    return vrt;
}

TempDir::TempDir(const std::string& prefix) {
    std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory from " + pattern);
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

}  // namespace regio_realdata
