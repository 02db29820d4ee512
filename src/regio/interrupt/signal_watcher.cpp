#include "regio/interrupt/signal_watcher.hpp"

#include "regio/interrupt/live_temporaries.hpp"

#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <unistd.h>

namespace regio::interrupt {
namespace {

// The state the watcher thread shares with the rest of the process. Signals
// are process-wide, so this is too; atomics only, no locks needed.
struct WatcherState {
    std::atomic<bool> started{false};
    std::atomic<bool> deferred{false};
    std::atomic<pid_t> forward_group{0};
    std::atomic<int> received{0};
    // The run's last words while a step runs in-process (InterruptEpilogue);
    // the mutex keeps a step from ending while they are being said.
    std::mutex epilogue_mutex;
    std::function<void(int)> epilogue;
};

WatcherState& state() {
    static WatcherState s;
    return s;
}

sigset_t watched_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    return set;
}

void write_stderr(const char* text) {
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, text, std::strlen(text));
}

[[noreturn]] void watch() {
    const sigset_t set = watched_signals();
    for (;;) {
        int sig = 0;
        if (sigwait(&set, &sig) != 0) continue;
        WatcherState& s = state();
        int none = 0;
        s.received.compare_exchange_strong(none, sig);
        if (std::unique_lock lock(s.epilogue_mutex); s.epilogue) {
            LiveTemporaries::instance().remove_all_and_freeze();
            s.epilogue(sig);
            ::_exit(128 + sig);
        }
        if (s.deferred.load()) {
            if (const pid_t group = s.forward_group.load(); group > 0) ::kill(-group, sig);
            continue;
        }
        LiveTemporaries::instance().remove_all_and_freeze();
        write_stderr("regio: error: interrupted by ");
        write_stderr(signal_name(sig));
        write_stderr("; unfinished outputs removed\n");
        ::_exit(128 + sig);
    }
}

}  // namespace

void start_signal_watcher() {
    if (state().started.exchange(true)) return;
    std::signal(SIGXFSZ, SIG_IGN);
    const sigset_t set = watched_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread(watch).detach();
}

DeferredSignals::DeferredSignals() { state().deferred.store(true); }

DeferredSignals::~DeferredSignals() {
    state().forward_group.store(0);
    state().deferred.store(false);
}

void DeferredSignals::forward_to(pid_t group) {
    state().forward_group.store(group);
    if (const int sig = state().received.load(); sig != 0 && group > 0) ::kill(-group, sig);
}

InterruptEpilogue::InterruptEpilogue(std::function<void(int)> last_words) {
    std::lock_guard lock(state().epilogue_mutex);
    state().epilogue = std::move(last_words);
}

InterruptEpilogue::~InterruptEpilogue() {
    std::lock_guard lock(state().epilogue_mutex);
    state().epilogue = nullptr;
}

int DeferredSignals::received() const { return state().received.load(); }

const char* signal_name(int signal) {
    switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "a signal";
    }
}

}  // namespace regio::interrupt
