#include "regio/aggregate/band_reader.hpp"

#include <algorithm>

namespace regio::aggregate {

BandReader::BandReader(std::int64_t rows, std::int64_t band_rows, unsigned ahead, ReadFn read, bool threaded)
    : m_band_rows(std::max<std::int64_t>(1, band_rows)),
      m_count((std::max<std::int64_t>(0, rows) + m_band_rows - 1) / m_band_rows),
      m_read(std::move(read)),
      m_slots(threaded ? ahead + 1 : 1) {
    if (threaded && m_count > 0) m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

void BandReader::run(const std::stop_token& stop) {
    for (std::int64_t k = 0; k < m_count; ++k) {
        Slot& s = slot(k);
        {
            std::unique_lock lock(m_mutex);
            if (!m_changed.wait(lock, stop, [&] { return !s.full; })) return;  // stopped
        }
        try {
            m_read(k * m_band_rows, s.band);
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
            m_error_band = k;
            s.full = true;
            m_changed.notify_all();
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            s.full = true;
        }
        m_changed.notify_all();
    }
}

Band& BandReader::next() {
    const std::int64_t k = m_next++;
    Slot& s = slot(k);
    if (!m_thread.joinable()) {
        m_read(k * m_band_rows, s.band);
        return s.band;
    }
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return s.full; });
    if (m_error && m_error_band == k) std::rethrow_exception(m_error);
    return s.band;
}

void BandReader::release() {
    if (!m_thread.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        slot(m_next - 1).full = false;
    }
    m_changed.notify_all();
}

}  // namespace regio::aggregate
