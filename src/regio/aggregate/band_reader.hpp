#pragma once
// The rows of a grid sweep, read band by band on a thread of its own, up to
// `ahead` bands before the one being worked on: decoding (GDAL, sequential)
// runs while the shapes of earlier bands are measured, and gets ahead where
// they take long so that it is not waited for where they take little.
// Memory: ahead + 1 bands.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace regio::aggregate {

struct Band {
    std::int64_t row0 = 0;
    std::int64_t rows = 0;
    std::vector<double> values;   // value-major, see GridSource::read_rows
    std::vector<double> weights;  // first column of the weights grid, or empty
};

class BandReader {
public:
    // read(row0, band) fills one band; it alone touches the sources once the
    // reader runs. Without a thread (threaded = false) bands are read when
    // asked for.
    using ReadFn = std::function<void(std::int64_t row0, Band& band)>;
    BandReader(std::int64_t rows, std::int64_t band_rows, unsigned ahead, ReadFn read, bool threaded);
    ~BandReader() = default;  // the jthread stops and joins first
    BandReader(const BandReader&) = delete;
    BandReader& operator=(const BandReader&) = delete;

    // The next band in row order (waits for it); rethrows the reader's error.
    Band& next();
    // The band from next() is no longer needed: its memory takes a later band.
    void release();

private:
    struct Slot {
        Band band;
        bool full = false;
    };
    void run(const std::stop_token& stop);
    [[nodiscard]] Slot& slot(std::int64_t k) { return m_slots[static_cast<std::size_t>(k) % m_slots.size()]; }

    std::int64_t m_band_rows;
    std::int64_t m_count;  // bands in the sweep
    ReadFn m_read;
    std::vector<Slot> m_slots;
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    std::exception_ptr m_error;
    std::int64_t m_error_band = -1;
    std::int64_t m_next = 0;  // band next() hands out
    std::jthread m_thread;    // last: started when the rest exists, stopped first
};

}  // namespace regio::aggregate
