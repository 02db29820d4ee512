#pragma once
// Progress on stderr, only when stderr is a terminal and not --quiet.
#include "regio/progress.hpp"

#include <chrono>
#include <string>

namespace regio::cli {

class TerminalProgress {
public:
    explicit TerminalProgress(bool quiet);
    ~TerminalProgress();
    [[nodiscard]] ProgressFn callback();
    [[nodiscard]] bool enabled() const { return m_enabled; }

private:
    void show(double fraction, std::string_view message);
    bool m_enabled;
    bool m_shown = false;
    int m_last_percent = -1;
    std::chrono::steady_clock::time_point m_last_time;
};

}  // namespace regio::cli
