#pragma once
// `aggregate points --assignments` (issue #18 item 8): one row per input
// record, in input order, naming the record as the report does (its CSV line
// or feature id) and the region it went to, or why it went nowhere:
//
//   line,district_id,status,reason
//   2,D1,assigned,
//   3,,outside,
//   4,,invalid,x 'abc' is not a number
//
// Workers format the rows of their chunk; AssignmentsWriter puts the chunks
// back into reading order as they finish, so the file is the same with any
// number of threads and memory holds only the chunks in flight (no string
// per record is kept).
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace regio::aggregate {

// The rows of one chunk, in input order.
class AssignmentRows {
public:
    void assigned(std::int64_t ref, std::string_view region_id);
    void outside(std::int64_t ref);
    void invalid(std::int64_t ref, std::string_view why);
    [[nodiscard]] std::string& text() { return m_text; }

private:
    std::string m_text;
};

class AssignmentsWriter {
public:
    // Writes the header: <ref_kind>,<id_field>,status,reason. At most
    // `window` finished chunks wait for an earlier one; a worker ahead of
    // that waits (bounded memory whatever the order workers finish in).
    AssignmentsWriter(std::ostream& out, std::string_view ref_kind, std::string_view id_field, std::size_t window);

    // The rows of chunk `sequence` (0, 1, 2, ... in reading order); every
    // sequence number must be delivered once, also for empty chunks.
    void deliver(std::uint64_t sequence, std::string rows);
    // Wakes every waiting worker for good (a failure elsewhere ends the run).
    void abandon();
    // True when every delivered chunk has been written (no gap left).
    [[nodiscard]] bool complete() const;

private:
    std::ostream& m_out;
    std::size_t m_window;
    std::uint64_t m_next = 0;
    std::map<std::uint64_t, std::string> m_waiting;
    bool m_abandoned = false;
    mutable std::mutex m_mutex;
    std::condition_variable m_advanced;
};

}  // namespace regio::aggregate
