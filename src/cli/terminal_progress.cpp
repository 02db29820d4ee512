#include "terminal_progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace regio::cli {

TerminalProgress::TerminalProgress(bool quiet) : m_enabled(!quiet && ::isatty(STDERR_FILENO) == 1) {}

TerminalProgress::~TerminalProgress() {
    if (m_shown) std::fputs("\r\033[K", stderr);
}

ProgressFn TerminalProgress::callback() {
    if (!m_enabled) return nullptr;
    return [this](double fraction, std::string_view message) { show(fraction, message); };
}

void TerminalProgress::show(double fraction, std::string_view message) {
    const int percent = static_cast<int>(fraction * 100.0);
    const auto now = std::chrono::steady_clock::now();
    if (percent == m_last_percent || (now - m_last_time < std::chrono::milliseconds(100) && percent < 100)) return;
    m_last_percent = percent;
    m_last_time = now;
    m_shown = true;
    std::fprintf(stderr, "\r\033[K%.*s: %3d%%", static_cast<int>(message.size()), message.data(), percent);
    std::fflush(stderr);
}

}  // namespace regio::cli
