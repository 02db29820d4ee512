#pragma once
// SIGINT, SIGTERM and SIGHUP end regio cleanly (issue #12): every temporary
// output is removed (see LiveTemporaries) and the process exits with 128 +
// the signal's number (130, 143, 129), leaving no partial output.
//
// How: start() blocks the three signals in the calling thread before any
// other thread exists (threads inherit the mask), and one watcher thread
// takes them with sigwait(). The cleanup therefore runs in an ordinary
// thread, not in a signal handler, and may lock and call unlink() freely.
// Also SIGXFSZ is ignored, so that a file size limit shows as an error that
// names the file ("File too large") instead of killing the process.
//
// The only state shared with the watcher is a few atomics below (the signal
// received, the process group to forward to), kept in signal_watcher.cpp.
#include <functional>

#include <sys/types.h>

namespace regio::interrupt {

// Call first in main(), before any thread is started. Idempotent.
void start_signal_watcher();

// While alive, a signal no longer ends the process: it is recorded (see
// received()) and forwarded to the process group set with forward_to(). `regio
// run` uses it to stop its current step, wait for it and write the manifest.
class DeferredSignals {
public:
    DeferredSignals();
    ~DeferredSignals();
    DeferredSignals(const DeferredSignals&) = delete;
    DeferredSignals& operator=(const DeferredSignals&) = delete;

    // The process group of the running child (0: none). A signal that came
    // before the group was set is sent to it here.
    void forward_to(pid_t group);
    // The first signal received (0: none).
    [[nodiscard]] int received() const;
};

// While alive, a signal ends the process as it would without DeferredSignals
// (every temporary output removed, exit 128 + the signal's number), but first
// calls `last_words(signal)` in the watcher thread. `regio run` sets one around
// each step it runs in its own process (issue #13): the step's temporaries go
// and the run's manifest records the interruption. The step's threads keep
// running while last_words runs; any output set they commit after the signal
// waits forever (LiveTemporaries is frozen), so nothing new appears. One at a time.
class InterruptEpilogue {
public:
    explicit InterruptEpilogue(std::function<void(int)> last_words);
    ~InterruptEpilogue();
    InterruptEpilogue(const InterruptEpilogue&) = delete;
    InterruptEpilogue& operator=(const InterruptEpilogue&) = delete;
};

// "SIGINT", "SIGTERM", "SIGHUP" or "signal N".
const char* signal_name(int signal);

}  // namespace regio::interrupt
