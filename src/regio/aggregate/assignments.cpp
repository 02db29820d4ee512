#include "regio/aggregate/assignments.hpp"

#include "regio/table/csv_text.hpp"

namespace regio::aggregate {

void AssignmentRows::assigned(std::int64_t ref, std::string_view region_id) {
    m_text += std::to_string(ref);
    m_text += ',';
    m_text += table::csv_quote(region_id);
    m_text += ",assigned,\n";
}

void AssignmentRows::outside(std::int64_t ref) {
    m_text += std::to_string(ref);
    m_text += ",,outside,\n";
}

void AssignmentRows::invalid(std::int64_t ref, std::string_view why) {
    m_text += std::to_string(ref);
    m_text += ",,invalid,";
    m_text += table::csv_quote(why);
    m_text += '\n';
}

AssignmentsWriter::AssignmentsWriter(std::ostream& out, std::string_view ref_kind, std::string_view id_field, std::size_t window)
    : m_out(out), m_window(window) {
    m_out << table::csv_quote(ref_kind) << ',' << table::csv_quote(id_field) << ",status,reason\n";
}

void AssignmentsWriter::deliver(std::uint64_t sequence, std::string rows) {
    std::unique_lock lock(m_mutex);
    // The chunk m_next is held by a worker that never waits here, so this
    // wait always ends.
    m_advanced.wait(lock, [&] { return m_abandoned || sequence <= m_next + m_window; });
    if (m_abandoned) return;
    m_waiting.emplace(sequence, std::move(rows));
    bool wrote = false;
    for (auto it = m_waiting.find(m_next); it != m_waiting.end(); it = m_waiting.find(m_next)) {
        m_out << it->second;
        m_waiting.erase(it);
        ++m_next;
        wrote = true;
    }
    if (wrote) m_advanced.notify_all();
}

void AssignmentsWriter::abandon() {
    std::lock_guard lock(m_mutex);
    m_abandoned = true;
    m_advanced.notify_all();
}

bool AssignmentsWriter::complete() const {
    std::lock_guard lock(m_mutex);
    return m_waiting.empty() && !m_abandoned;
}

}  // namespace regio::aggregate
