#pragma once
// Progress reporting without terminal code: the library calls a callback with
// a fraction in [0,1] and a short message; the CLI decides how to show it.
#include <functional>
#include <string_view>

namespace regio {

using ProgressFn = std::function<void(double fraction, std::string_view message)>;
// A warning for the user while an operation runs (a repaired region, a
// tolerated overlap), shown at once by the front-end; operations also keep
// their warnings in their results for the report.
using WarningFn = std::function<void(std::string_view warning)>;

// Maps [0,1] of a sub-task onto [begin,end] of the parent's progress.
class ProgressRange {
public:
    ProgressRange(ProgressFn fn, double begin = 0.0, double end = 1.0)
        : m_fn(std::move(fn)), m_begin(begin), m_end(end) {}
    void operator()(double fraction, std::string_view message) const {
        if (m_fn) m_fn(m_begin + (m_end - m_begin) * fraction, message);
    }
    [[nodiscard]] ProgressRange sub(double begin, double end) const {
        return {m_fn, m_begin + (m_end - m_begin) * begin, m_begin + (m_end - m_begin) * end};
    }

private:
    ProgressFn m_fn;
    double m_begin;
    double m_end;
};

}  // namespace regio
