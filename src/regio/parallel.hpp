#pragma once
// Runs fn(i, t) for every i in [0, n) on `threads` threads (t = the thread's
// index, for per-thread state), handing out indices one at a time; the first
// exception stops the others and is rethrown here.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace regio {

template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn fn) {
    threads = std::max(1u, threads);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&](unsigned t) {
        try {
            for (std::size_t i = next++; i < n; i = next++) fn(i, t);
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = n;
        }
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    pool.clear();  // joins
    if (failure) std::rethrow_exception(failure);
}

}  // namespace regio
