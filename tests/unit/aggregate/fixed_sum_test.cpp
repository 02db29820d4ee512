#include "regio/aggregate/fixed_sum.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace fixed_sum_test {

using regio::aggregate::FixedSum;

TEST_CASE("fixed sum: order does not matter") {
    std::mt19937_64 rng(7);
    std::vector<double> values;
    for (int i = 0; i < 10000; ++i) values.push_back(std::ldexp(static_cast<double>(rng() % 1000000), -(int)(rng() % 30)) - 5.0);
    FixedSum forward, backward, shuffled;
    for (double v : values) forward.add(v);
    for (auto it = values.rbegin(); it != values.rend(); ++it) backward.add(*it);
    std::shuffle(values.begin(), values.end(), rng);
    for (double v : values) shuffled.add(v);
    CHECK(forward == backward);
    CHECK(forward == shuffled);
}

TEST_CASE("fixed sum: exact where doubles are not") {
    FixedSum s;
    s.add(1e15);
    for (int i = 0; i < 10; ++i) s.add(0.1);
    s.add(-1e15);
    CHECK(s.value() == Approx(1.0).epsilon(1e-15));
    double naive = 1e15;
    for (int i = 0; i < 10; ++i) naive += 0.1;
    naive -= 1e15;
    CHECK(naive != 1.0);  // the reason FixedSum exists
}

TEST_CASE("fixed sum: parts add up to the whole exactly") {
    FixedSum a, b, whole;
    for (int i = 1; i <= 1000; ++i) {
        const double v = 1.0 / i;
        (i % 3 ? a : b).add(v);
        whole.add(v);
    }
    FixedSum parts = a;
    parts.add(b);
    CHECK(parts == whole);
}

TEST_CASE("fixed sum: rejects what it cannot hold") {
    FixedSum s;
    CHECK_FALSE(s.add(std::nan("")));
    CHECK_FALSE(s.add(INFINITY));
    CHECK_FALSE(s.add(1e30));
    CHECK(s.value() == 0.0);
    CHECK(s.add(-2.5));
    CHECK(s.value() == -2.5);
}

}  // namespace fixed_sum_test
