#include "regio/io/write_failure.hpp"

#include "regio/interrupt/live_temporaries.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace regio::io {
namespace {

// errno of creating and filling a probe file beside `temp` (0: it worked).
int probe_directory(const std::filesystem::path& temp) {
    const std::filesystem::path probe = temp.string() + ".probe";
    auto& live = interrupt::LiveTemporaries::instance();
    live.add(probe);  // an interrupt right now must not leave it behind
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int err = errno;
        live.forget(probe);
        return err;
    }
    // 1 MiB: more than SQLite needs for the pages it failed to write.
    const std::vector<char> block(1 << 16, '\0');
    int err = 0;
    for (int i = 0; i < 16 && err == 0; ++i) {
        const ssize_t n = ::write(fd, block.data(), block.size());
        if (n < 0) err = errno;
        else if (static_cast<std::size_t>(n) < block.size()) err = ENOSPC;
    }
    if (::close(fd) != 0 && err == 0) err = errno;
    ::unlink(probe.c_str());
    live.forget(probe);
    return err;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) text.replace(pos, from.size(), to);
}

}  // namespace

std::string system_reason(int error_number) { return std::strerror(error_number); }

std::string describe_write_failure(const std::filesystem::path& temp, const std::string& shown, const std::string& message) {
    if (const int err = probe_directory(temp); err != 0) return system_reason(err);
    std::string text = message;
    replace_all(text, temp.string(), shown);
    replace_all(text, temp.filename().string(), std::filesystem::path(shown).filename().string());
    if (text.find("disk is full") != std::string::npos) return system_reason(ENOSPC);
    return text;
}

}  // namespace regio::io
