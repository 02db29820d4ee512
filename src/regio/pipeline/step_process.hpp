#pragma once
// A pipeline step run as its own regio process (issue #12: interrupting
// `regio run` left an orphaned step that went on writing after the run had
// ended). The step runs in its own process group, so that a signal reaches
// it only through the run, which forwards it (see DeferredSignals), waits for
// the step and records the interruption; and with PR_SET_PDEATHSIG, so that a
// step whose run dies anyway (SIGKILL) gets SIGTERM and cleans up.
#include "regio/interrupt/signal_watcher.hpp"

#include <string>
#include <vector>

namespace regio::pipeline {

// Runs this program (/proc/self/exe) with `args` (after argv[0]) and waits
// for it. While it runs, signals that `signals` defers are forwarded to its
// process group. Returns its exit code, or 128 + N when signal N killed it.
// Throws Error when the process cannot be started. `environment` entries
// ("NAME=value") are added to the step's environment (the runner passes the
// file a failing step writes its error message to).
int run_step_process(const std::vector<std::string>& args, interrupt::DeferredSignals& signals,
                     const std::vector<std::string>& environment = {});

}  // namespace regio::pipeline
