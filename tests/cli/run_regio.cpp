#include "run_regio.hpp"
#include "run_regio_stdin.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#ifndef REGIO_BINARY
#error "REGIO_BINARY must name the regio binary under test"
#endif
#ifndef REGIO_TEST_DATA
#error "REGIO_TEST_DATA must name tests/data"
#endif
#ifndef REGIO_EXPECTED
#error "REGIO_EXPECTED must name tests/cli/expected"
#endif

namespace regio_test {
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

// A pipe whose ends are closed on destruction unless released.
struct Pipe {
    int fd[2] = {-1, -1};
    Pipe() {
        if (::pipe2(fd, O_CLOEXEC) != 0) fail("pipe2");
    }
    ~Pipe() {
        for (int f : fd)
            if (f >= 0) ::close(f);
    }
    void close_end(int i) {
        if (fd[i] >= 0) ::close(fd[i]);
        fd[i] = -1;
    }
};

}  // namespace

namespace {

// stdin is `stdin_file`, or /dev/null when it is empty.
RunResult run_with_input(const std::string& program, const std::vector<std::string>& args, const fs::path& cwd,
                         const fs::path& stdin_file) {
    // Everything the child needs is prepared before fork: after it, the child
    // only calls async-signal-safe functions.
    std::vector<std::string> owned;
    owned.reserve(args.size() + 1);
    owned.push_back(program);
    owned.insert(owned.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : owned) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string dir = cwd.string();
    const std::string input = stdin_file.empty() ? std::string("/dev/null") : stdin_file.string();
    const char exec_failed[] = "run_program: exec failed\n";
    const char chdir_failed[] = "run_program: chdir failed\n";

    Pipe out, err;
    const pid_t pid = ::fork();
    if (pid < 0) fail("fork");
    if (pid == 0) {
        const int null_in = ::open(input.c_str(), O_RDONLY);
        if (null_in >= 0) ::dup2(null_in, STDIN_FILENO);
        ::dup2(out.fd[1], STDOUT_FILENO);  // dup2 clears O_CLOEXEC on the copy
        ::dup2(err.fd[1], STDERR_FILENO);
        if (!dir.empty() && ::chdir(dir.c_str()) != 0) {
            [[maybe_unused]] auto n = ::write(STDERR_FILENO, chdir_failed, sizeof chdir_failed - 1);
            ::_exit(126);
        }
        ::execv(program.c_str(), argv.data());
        [[maybe_unused]] auto n = ::write(STDERR_FILENO, exec_failed, sizeof exec_failed - 1);
        ::_exit(127);
    }
    out.close_end(1);
    err.close_end(1);

    RunResult result;
    pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    char buffer[65536];
    while (open_count > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            fail("poll");
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {  // EOF (or error): stop watching this pipe
                fds[i].fd = -1;
                --open_count;
                continue;
            }
            sinks[i]->append(buffer, static_cast<std::size_t>(got));
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) fail("waitpid");
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
    return result;
}

}  // namespace

RunResult run_program(const std::string& program, const std::vector<std::string>& args, const fs::path& cwd) {
    return run_with_input(program, args, cwd, {});
}

RunResult run_regio(const std::vector<std::string>& args, const fs::path& cwd) {
    return run_program(REGIO_BINARY, args, cwd);
}

RunResult run_regio_with_stdin(const std::vector<std::string>& args, const fs::path& stdin_file) {
    return run_with_input(REGIO_BINARY, args, {}, stdin_file);
}

std::optional<std::string> find_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty()) continue;
        const fs::path candidate = fs::path(dir) / name;
        if (::access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate)) return candidate.string();
    }
    return std::nullopt;
}

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "regio-cli-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) fail("mkdtemp");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

fs::path TempDir::subdir(const std::string& name) const {
    const fs::path dir = m_path / name;
    fs::create_directories(dir);
    return dir;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const fs::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::string> list_dir(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

fs::path copy_fixture(const std::string& name, const fs::path& dir) {
    const fs::path target = dir / name;
    fs::copy_file(data(name), target, fs::copy_options::overwrite_existing);
    return target;
}

std::string data(const std::string& name) { return (fs::path(REGIO_TEST_DATA) / name).string(); }

std::string expected(const std::string& name) { return (fs::path(REGIO_EXPECTED) / name).string(); }

std::optional<double> json_number(const std::string& json, const std::string& anchor, const std::string& key) {
    const auto a = json.find("\"" + anchor + "\": ");
    if (a == std::string::npos) return std::nullopt;
    const std::string needle = "\"" + key + "\": ";
    const auto k = json.find(needle, a);
    if (k == std::string::npos) return std::nullopt;
    const char* start = json.c_str() + k + needle.size();
    char* end = nullptr;
    const double value = std::strtod(start, &end);
    if (end == start) return std::nullopt;
    return value;
}

std::optional<std::string> line_starting_with(const std::string& text, const std::string& prefix) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind(prefix, 0) == 0) return line;
    return std::nullopt;
}

}  // namespace regio_test
