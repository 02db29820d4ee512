#include "process_support.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <fstream>
#include <poll.h>
#include <stdexcept>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#ifndef REGIO_BINARY
#error "REGIO_BINARY must name the regio binary under test"
#endif

namespace regio_test {

StartedRegio::StartedRegio(const std::vector<std::string>& args, const fs::path& logs, uid_t uid)
    : m_out(logs / "regio.stdout"), m_err(logs / "regio.stderr") {
    std::vector<std::string> owned{REGIO_BINARY};
    owned.insert(owned.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : owned) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string out = m_out.string(), err = m_err.string();
    const bool drop = uid > 0 && ::geteuid() == 0;
    write_file(m_out, "");  // readable at once, before the child opens them
    write_file(m_err, "");
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (m_pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || o < 0 || e < 0) ::_exit(126);
        ::dup2(in, STDIN_FILENO);
        ::dup2(o, STDOUT_FILENO);
        ::dup2(e, STDERR_FILENO);
        if (drop && (::setgroups(0, nullptr) != 0 || ::setresgid(uid, uid, uid) != 0 || ::setresuid(uid, uid, uid) != 0)) ::_exit(125);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execv(REGIO_BINARY, argv.data());
        ::_exit(127);
    }
}

StartedRegio::~StartedRegio() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
}

void StartedRegio::signal(int sig) const {
    if (m_pid > 0) ::kill(m_pid, sig);
}

bool StartedRegio::wait_until_watching(std::chrono::milliseconds timeout) const {
    const auto end = std::chrono::steady_clock::now() + timeout;
    const std::string status = "/proc/" + std::to_string(m_pid) + "/status";
    while (std::chrono::steady_clock::now() < end) {
        std::ifstream in(status);
        for (std::string line; std::getline(in, line);)
            if (line.rfind("SigBlk:", 0) == 0 && (std::stoull(line.substr(7), nullptr, 16) & (1ULL << (SIGINT - 1))) != 0) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

RunResult StartedRegio::wait() {
    RunResult r;
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0)
        if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
    m_pid = -1;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) r.exit_code = 128 + WTERMSIG(status);
    r.out = read_file(m_out);
    r.err = read_file(m_err);
    return r;
}

RunResult run_regio_as(uid_t uid, const std::vector<std::string>& args, const fs::path& logs) {
    StartedRegio regio(args, logs, uid);
    return regio.wait();
}

TemporaryWatch::TemporaryWatch(const fs::path& dir) : m_fd(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) {
    if (m_fd < 0 || ::inotify_add_watch(m_fd, dir.c_str(), IN_CREATE | IN_MOVED_TO) < 0)
        throw std::runtime_error("inotify on " + dir.string() + ": " + std::strerror(errno));
}

TemporaryWatch::~TemporaryWatch() {
    if (m_fd >= 0) ::close(m_fd);
}

bool TemporaryWatch::wait(std::chrono::milliseconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    alignas(inotify_event) char buffer[4096];
    while (std::chrono::steady_clock::now() < end) {
        pollfd p{m_fd, POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
        if (::poll(&p, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) continue;
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        for (ssize_t at = 0; n > 0 && at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            if (event->len > 0 && std::string(event->name).rfind(".regio-", 0) == 0 &&
                std::string(event->name).find(".tmp") != std::string::npos)
                return true;
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
    return false;
}

SmallTmpfs::SmallTmpfs(const fs::path& dir, unsigned kib) : m_dir(dir) {
    fs::create_directories(dir);
    const std::string options = "size=" + std::to_string(kib) + "k,mode=0755";
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0) m_mounted = true;
    else WARN("cannot mount a tmpfs here (" << std::strerror(errno) << "): skipping the disk-full and read-only checks");
}

SmallTmpfs::~SmallTmpfs() {
    if (m_mounted) ::umount2(m_dir.c_str(), MNT_DETACH);
}

void SmallTmpfs::fill() const {
    const int fd = ::open((m_dir / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) throw std::runtime_error("cannot create the filler");
    const std::vector<char> block(4096, 'x');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    while (::write(fd, block.data(), 1) > 0) {
    }
    ::close(fd);
}

bool SmallTmpfs::make_read_only() const {
    return ::mount("tmpfs", m_dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
}

std::vector<pid_t> processes_mentioning(const std::string& text) {
    std::vector<pid_t> found;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
        const pid_t pid = std::stoi(name);
        if (pid == ::getpid()) continue;
        std::ifstream in(entry.path() / "cmdline", std::ios::binary);
        const std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (cmdline.find(text) != std::string::npos) found.push_back(pid);
    }
    return found;
}

std::vector<std::string> temporaries_in(const fs::path& dir) {
    std::vector<std::string> found;
    for (const auto& name : list_dir(dir))
        if (name.rfind(".regio-", 0) == 0) found.push_back(name);
    return found;
}

void write_points_csv(const fs::path& path, std::size_t count) {
    std::ofstream out(path, std::ios::binary);
    out << "x,y\n";
    std::uint64_t state = 42;
    std::string chunk;
    chunk.reserve(1 << 20);
    char number[32];
    auto put = [&](std::uint64_t v) {
        const auto r = std::to_chars(number, number + sizeof number, v);
        chunk.append(number, r.ptr);
    };
    for (std::size_t i = 0; i < count; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;  // a fixed LCG: same file every time
        put(3999000 + (state >> 33) % 6000);
        chunk += ',';
        put(2999000 + (state >> 13) % 4000);
        chunk += '\n';
        if (chunk.size() > (1 << 20) - 64) {
            out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            chunk.clear();
        }
    }
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace regio_test
