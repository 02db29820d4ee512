#pragma once
// Record keys of the cell-key method (issue #17). Every input record gets a
// key from a keyed hash of its id (or its row content) under a secret salt,
// so that the same record gets the same key in every run and every table,
// and nobody without the salt can recompute the keys. The cell key of a cell
// is the sum of its records' keys modulo 1; it depends only on the set of
// records, so the same records get the same noise in every table.
//
// Keys are held as 53-bit integers k (the key is k / 2^53): sums modulo 2^53
// are exact, independent of the order of addition (threads, partitions) and
// fit a double exactly, so they can travel as a table column.
#include <cstdint>
#include <string_view>

namespace regio::table {

inline constexpr std::uint64_t kRecordKeyModulus = std::uint64_t{1} << 53;

// SipHash-2-4 (Aumasson & Bernstein 2012), a keyed pseudo-random function:
// short inputs, a 128-bit key, no known way to recover the key from outputs.
std::uint64_t siphash24(std::uint64_t k0, std::uint64_t k1, std::string_view message);

class RecordKeyer {
public:
    // The 128-bit hash key is derived from the salt (any length, not empty).
    explicit RecordKeyer(std::string_view salt);
    // The record's key as an integer in [0, 2^53).
    [[nodiscard]] std::uint64_t key(std::string_view record_id) const;

private:
    std::uint64_t m_k0 = 0;
    std::uint64_t m_k1 = 0;
};

// Sum of keys modulo 2^53.
[[nodiscard]] constexpr std::uint64_t add_record_keys(std::uint64_t a, std::uint64_t b) {
    return (a + b) & (kRecordKeyModulus - 1);
}

// The cell key in [0, 1) of a key sum.
[[nodiscard]] inline double cell_key(std::uint64_t key_sum) {
    return static_cast<double>(key_sum & (kRecordKeyModulus - 1)) / static_cast<double>(kRecordKeyModulus);
}

}  // namespace regio::table
