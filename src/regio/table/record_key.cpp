#include "regio/table/record_key.hpp"

#include "regio/error.hpp"

#include <array>

namespace regio::table {
namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
    std::array<std::uint64_t, 4> v{};
    void round() {
        v[0] += v[1]; v[1] = rotl(v[1], 13); v[1] ^= v[0]; v[0] = rotl(v[0], 32);
        v[2] += v[3]; v[3] = rotl(v[3], 16); v[3] ^= v[2];
        v[0] += v[3]; v[3] = rotl(v[3], 21); v[3] ^= v[0];
        v[2] += v[1]; v[1] = rotl(v[1], 17); v[1] ^= v[2]; v[2] = rotl(v[2], 32);
    }
    void absorb(std::uint64_t m) {
        v[3] ^= m;
        round();
        round();
        v[0] ^= m;
    }
};

std::uint64_t little_endian(const unsigned char* p, std::size_t n) {
    std::uint64_t word = 0;
    for (std::size_t i = 0; i < n; ++i) word |= std::uint64_t{p[i]} << (8 * i);
    return word;
}

}  // namespace

std::uint64_t siphash24(std::uint64_t k0, std::uint64_t k1, std::string_view message) {
    SipState s{{k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL, k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL}};
    const auto* bytes = reinterpret_cast<const unsigned char*>(message.data());
    const std::size_t full = message.size() / 8 * 8;
    for (std::size_t at = 0; at < full; at += 8) s.absorb(little_endian(bytes + at, 8));
    s.absorb(little_endian(bytes + full, message.size() - full) | (std::uint64_t{message.size() & 0xff} << 56));
    s.v[2] ^= 0xff;
    for (int r = 0; r < 4; ++r) s.round();
    return s.v[0] ^ s.v[1] ^ s.v[2] ^ s.v[3];
}

RecordKeyer::RecordKeyer(std::string_view salt) {
    if (salt.empty()) throw UsageError("the key salt is empty", {}, "the salt must be a secret text of some length, e.g. 32 random characters");
    // Two fixed, public keys turn a salt of any length into a 128-bit key.
    m_k0 = siphash24(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL, salt);
    m_k1 = siphash24(0x1716151413121110ULL, 0x1f1e1d1c1b1a1918ULL, salt);
}

std::uint64_t RecordKeyer::key(std::string_view record_id) const {
    return siphash24(m_k0, m_k1, record_id) >> 11;  // the top 53 bits
}

}  // namespace regio::table
