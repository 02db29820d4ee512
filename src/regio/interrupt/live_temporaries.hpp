#pragma once
// The temporary files this process is writing right now (the outputs of a
// command before they are renamed into place, issue #12). An interrupt
// (SIGINT, SIGTERM, SIGHUP) removes them all before the process ends, so that
// an interrupted run leaves no ".regio-*.tmp" file behind.
//
// This is process-wide state on purpose: a signal ends the whole process, so
// the one place that cleans up must see every temporary of every thread. It
// is the only such registry; OutputPlan adds and removes its files here.
//
// A table being written into a database (io::DatabaseTable, issue #16) is
// not a file and is not registered: it lives inside an open transaction,
// which the server rolls back when the process ends and its connection
// closes (after the watcher's _exit, or a SIGKILL). Its commit holds this
// registry (hold()), so that a signal waits until the table is in place.
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace regio::interrupt {

class LiveTemporaries {
public:
    static LiveTemporaries& instance();

    // Registered before the file is created, forgotten after it is renamed
    // into place or removed.
    void add(const std::filesystem::path& path);
    void forget(const std::filesystem::path& path);

    // Held while a set of outputs is renamed into place: an interrupt waits
    // until the whole set is in place (or rolled back), never half of it.
    [[nodiscard]] std::unique_lock<std::recursive_mutex> hold() { return std::unique_lock(m_mutex); }

    // Removes every registered file and the side files SQLite keeps beside
    // a GeoPackage being written (-journal, -wal, -shm) and GDAL's .aux.xml. Keeps the registry
    // locked for good: the caller ends the process right after. Only the
    // signal watcher calls it.
    void remove_all_and_freeze();

private:
    LiveTemporaries() = default;
    std::recursive_mutex m_mutex;
    std::vector<std::string> m_paths;
};

// Removes `path` and the SQLite and GDAL side files beside it (errors ignored: the
// files may not exist yet).
void remove_with_side_files(const std::filesystem::path& path);

}  // namespace regio::interrupt
