#pragma once
// Support for the tests of issue #12 (outputs committed together, pipeline
// confinement, signals, system errors): regio started without waiting (to
// send it signals), or as an unprivileged user; an inotify watch for the
// moment a temporary output appears (the write phase); small tmpfs mounts
// (disk full, read-only), skipped with a warning where mounting is not
// allowed.
#include "run_regio.hpp"

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace regio_test {

// regio running in the background; stdout and stderr go to files in `logs`.
class StartedRegio {
public:
    // uid > 0 (only when this process is root): the child runs as that user.
    StartedRegio(const std::vector<std::string>& args, const fs::path& logs, uid_t uid = 0);
    ~StartedRegio();  // kills and reaps the process if still running
    StartedRegio(const StartedRegio&) = delete;
    StartedRegio& operator=(const StartedRegio&) = delete;

    [[nodiscard]] pid_t pid() const { return m_pid; }
    void signal(int sig) const;
    // Waits until regio's main thread blocks SIGINT (its signal watcher is
    // running, see /proc/PID/status SigBlk), at most `timeout`; false if not.
    [[nodiscard]] bool wait_until_watching(std::chrono::milliseconds timeout) const;
    // Waits for the exit; exit_code is 128 + N when signal N killed it.
    RunResult wait();

private:
    pid_t m_pid = -1;
    fs::path m_out, m_err;
};

// Runs regio to the end as user `uid` (see StartedRegio).
RunResult run_regio_as(uid_t uid, const std::vector<std::string>& args, const fs::path& logs);

// Watches `dir` for a new ".regio-*" file (a temporary output).
class TemporaryWatch {
public:
    explicit TemporaryWatch(const fs::path& dir);
    ~TemporaryWatch();
    TemporaryWatch(const TemporaryWatch&) = delete;
    TemporaryWatch& operator=(const TemporaryWatch&) = delete;
    // true as soon as such a file was created (false after `timeout`).
    bool wait(std::chrono::milliseconds timeout);

private:
    int m_fd = -1;
};

// A tmpfs of `kib` KiB mounted on `dir` (created if needed), unmounted on
// destruction. mounted() is false (with a Catch2 WARN saying why) where
// mounting is not allowed: the caller skips its checks then.
class SmallTmpfs {
public:
    SmallTmpfs(const fs::path& dir, unsigned kib);
    ~SmallTmpfs();
    SmallTmpfs(const SmallTmpfs&) = delete;
    SmallTmpfs& operator=(const SmallTmpfs&) = delete;
    [[nodiscard]] bool mounted() const { return m_mounted; }
    // Fills the file system until no byte is left (a file "filler").
    void fill() const;
    // Makes it read-only (remount); false if that failed.
    bool make_read_only() const;

private:
    fs::path m_dir;
    bool m_mounted = false;
};

// Processes (other than this one) whose command line mentions `text`.
std::vector<pid_t> processes_mentioning(const std::string& text);

// Names in `dir` that start with ".regio-": temporaries left behind.
std::vector<std::string> temporaries_in(const fs::path& dir);

// A CSV of `count` points "x,y" (EPSG:3035 metres) spread over the 4 x 2 km
// of tests/data/regions_grid.geojson and its surroundings (seeded, fixed).
void write_points_csv(const fs::path& path, std::size_t count);

}  // namespace regio_test
