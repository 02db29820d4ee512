#pragma once
// A request's thread count: 0 means all cores (at least one).
#include <algorithm>
#include <thread>

namespace regio {

inline unsigned worker_threads(unsigned requested) {
    if (requested > 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace regio
