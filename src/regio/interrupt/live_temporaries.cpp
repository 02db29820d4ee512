#include "regio/interrupt/live_temporaries.hpp"

#include <algorithm>
#include <unistd.h>

namespace regio::interrupt {

LiveTemporaries& LiveTemporaries::instance() {
    static LiveTemporaries registry;
    return registry;
}

void LiveTemporaries::add(const std::filesystem::path& path) {
    const std::lock_guard lock(m_mutex);
    m_paths.push_back(path.string());
}

void LiveTemporaries::forget(const std::filesystem::path& path) {
    const std::lock_guard lock(m_mutex);
    const auto it = std::find(m_paths.begin(), m_paths.end(), path.string());
    if (it != m_paths.end()) m_paths.erase(it);
}

void remove_with_side_files(const std::filesystem::path& path) {
    // unlink, not std::filesystem: no allocation, no exception on the way out.
    const std::string base = path.string();
    ::unlink(base.c_str());
    for (const char* suffix : {"-journal", "-wal", "-shm", ".aux.xml"}) ::unlink((base + suffix).c_str());
}

void LiveTemporaries::remove_all_and_freeze() {
    m_mutex.lock();  // never unlocked: no output is committed after this
    for (const auto& path : m_paths) remove_with_side_files(path);
}

}  // namespace regio::interrupt
