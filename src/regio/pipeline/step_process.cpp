#include "regio/pipeline/step_process.hpp"

#include "regio/error.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace regio::pipeline {

int run_step_process(const std::vector<std::string>& args, interrupt::DeferredSignals& signals,
                     const std::vector<std::string>& environment) {
    // Everything the child needs is prepared before fork(): after it, the
    // child only makes async-signal-safe calls.
    std::vector<std::string> owned{"regio"};
    owned.insert(owned.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : owned) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> owned_env(environment);
    for (char** e = environ; e && *e; ++e) owned_env.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : owned_env) envp.push_back(e.data());
    envp.push_back(nullptr);
    const pid_t run_pid = ::getpid();
    sigset_t none;
    sigemptyset(&none);

    const pid_t pid = ::fork();
    if (pid < 0) throw Error(std::string("cannot start a step: ") + std::strerror(errno));
    if (pid == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != run_pid) ::_exit(128 + SIGTERM);  // the run ended before prctl took effect
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execve("/proc/self/exe", argv.data(), envp.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid);  // also here: the group exists before a signal is forwarded to it
    signals.forward_to(pid);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    signals.forward_to(0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 1;
}

}  // namespace regio::pipeline
