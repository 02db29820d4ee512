// Record keys of the cell-key method (issue #17): SipHash-2-4 against the
// test vectors of Aumasson & Bernstein's paper, stable keys for the same
// salt, different keys for a different salt, and order-free key sums.
#include "regio/table/record_key.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <string>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace record_key_test {

using namespace regio::table;

TEST_CASE("record keys: SipHash-2-4 test vectors", "[table][cellkey]") {
    const std::uint64_t k0 = 0x0706050403020100ULL, k1 = 0x0f0e0d0c0b0a0908ULL;  // key bytes 00..0f
    std::string message;
    CHECK(siphash24(k0, k1, message) == 0x726fdb47dd0e0e31ULL);
    for (int b = 0; b < 15; ++b) message.push_back(static_cast<char>(b));  // bytes 00..0e
    CHECK(siphash24(k0, k1, message) == 0xa129ca6149be45e5ULL);
}

TEST_CASE("record keys: stable for a salt, different for another salt", "[table][cellkey]") {
    const RecordKeyer a("a secret salt"), again("a secret salt"), other("another secret salt");
    int same_under_other = 0;
    double mean = 0;
    const int n = 20000;
    for (int r = 0; r < n; ++r) {
        const std::string id = "address-" + std::to_string(r);
        const std::uint64_t k = a.key(id);
        CHECK(k < kRecordKeyModulus);
        CHECK(again.key(id) == k);
        if (other.key(id) == k) ++same_under_other;
        mean += cell_key(k) / n;
    }
    CHECK(same_under_other == 0);
    CHECK(mean == Approx(0.5).margin(0.01));  // keys spread over [0, 1)
    CHECK_THROWS_AS(RecordKeyer(""), regio::UsageError);
}

TEST_CASE("record keys: sums modulo 1 do not depend on the order", "[table][cellkey]") {
    const RecordKeyer keyer("salt");
    std::uint64_t forward = 0, backward = 0;
    for (int r = 0; r < 1000; ++r) forward = add_record_keys(forward, keyer.key(std::to_string(r)));
    for (int r = 999; r >= 0; --r) backward = add_record_keys(backward, keyer.key(std::to_string(r)));
    CHECK(forward == backward);
    CHECK(cell_key(forward) >= 0.0);
    CHECK(cell_key(forward) < 1.0);
    CHECK(add_record_keys(kRecordKeyModulus - 1, 2) == 1);
    CHECK(cell_key(kRecordKeyModulus / 2) == 0.5);
}

}  // namespace record_key_test
