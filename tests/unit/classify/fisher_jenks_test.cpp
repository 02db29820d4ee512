// Fisher–Jenks against exhaustive search, and its speed at n = 100,000.
#include "regio/classify/classification.hpp"
#include "regio/classify/fisher_jenks.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace fisher_jenks_test {

using namespace regio::classify;

namespace {

double ssd(const std::vector<double>& s, std::size_t a, std::size_t b) {
    double mean = 0.0;
    for (std::size_t i = a; i < b; ++i) mean += s[i];
    mean /= static_cast<double>(b - a);
    double out = 0.0;
    for (std::size_t i = a; i < b; ++i) out += (s[i] - mean) * (s[i] - mean);
    return out;
}

struct Best {
    double cost = INFINITY;
    double second = INFINITY;
    std::vector<double> bins;
};

// Every way to cut s into k non-empty contiguous groups (cuts[j] = start of group j+1).
void search(const std::vector<double>& s, std::size_t k, std::vector<std::size_t>& cuts, Best& best) {
    if (cuts.size() == k - 1) {
        double cost = 0.0;
        std::vector<double> bins;
        std::size_t begin = 0;
        for (std::size_t j = 0; j < k; ++j) {
            const std::size_t end = j + 1 < k ? cuts[j] : s.size();
            cost += ssd(s, begin, end);
            bins.push_back(s[end - 1]);
            begin = end;
        }
        if (cost < best.cost) {
            best.second = best.cost;
            best.cost = cost;
            best.bins = bins;
        } else if (cost < best.second) {
            best.second = cost;
        }
        return;
    }
    const std::size_t from = cuts.empty() ? 1 : cuts.back() + 1;
    const std::size_t groups_left = k - 1 - cuts.size();
    for (std::size_t c = from; c + groups_left <= s.size(); ++c) {
        cuts.push_back(c);
        search(s, k, cuts, best);
        cuts.pop_back();
    }
}

// Our own lognormal-ish draws from mt19937_64 (no std:: distributions, so
// the test data are the same with every standard library).
std::vector<double> skewed(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<double> out(n);
    for (auto& v : out) {
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        v = std::exp(6.0 * u) + static_cast<double>(rng() % 1000) / 1000.0;
    }
    return out;
}

}  // namespace

TEST_CASE("classify: Fisher-Jenks equals exhaustive search on small inputs with a unique optimum") {
    std::mt19937_64 rng(2024);
    int compared = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const std::size_t n = 3 + rng() % 9;  // 3..11
        std::vector<double> s(n);
        for (auto& v : s) v = static_cast<double>(rng() % 200) / 4.0;  // ties happen, on purpose
        std::sort(s.begin(), s.end());
        std::vector<double> distinct;
        std::unique_copy(s.begin(), s.end(), std::back_inserter(distinct));
        const std::size_t k = 1 + rng() % std::min<std::size_t>(5, distinct.size());
        Best best;
        std::vector<std::size_t> cuts;
        search(s, k, cuts, best);
        // Only inputs whose optimum is unique (spec §2.3: ties are
        // implementation-defined) and whose optimal bounds are distinct.
        if (best.second - best.cost <= 1e-9 * (1.0 + best.cost)) continue;
        if (std::adjacent_find(best.bins.begin(), best.bins.end()) != best.bins.end()) continue;
        ++compared;
        INFO("trial " << trial << ", n = " << n << ", k = " << k);
        CHECK(fisher_jenks_breaks(s, k) == best.bins);
        const auto c = classify(s, Method::FisherJenks, k);
        CHECK(c.bins == best.bins);
    }
    CHECK(compared > 200);
}

TEST_CASE("classify: Fisher-Jenks on 100,000 values and 7 classes takes under a second") {
    const auto values = skewed(100'000, 99);
    const auto start = std::chrono::steady_clock::now();
    const auto c = classify(values, Method::FisherJenks, 7);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN("Fisher-Jenks 100k x 7: " << seconds << " s");
    CHECK(seconds < 1.0);
    REQUIRE(c.k() == 7);
    CHECK(c.bins.back() == *std::max_element(values.begin(), values.end()));
    // Optimality spot check: moving any single bound to the next data value
    // on either side never lowers the total within-class sum of squares.
    std::vector<double> s = values;
    std::sort(s.begin(), s.end());
    auto total = [&](const std::vector<std::size_t>& ends) {
        double t = 0.0;
        std::size_t b = 0;
        for (std::size_t e : ends) {
            t += ssd(s, b, e);
            b = e;
        }
        return t;
    };
    std::vector<std::size_t> ends;
    std::size_t acc = 0;
    for (std::size_t count : c.counts) ends.push_back(acc += count);
    const double optimum = total(ends);
    for (std::size_t j = 0; j + 1 < ends.size(); ++j)
        for (int step : {-1, 1}) {
            auto moved = ends;
            moved[j] = static_cast<std::size_t>(static_cast<long>(moved[j]) + step);
            if (moved[j] == 0 || (j > 0 && moved[j] <= moved[j - 1]) || moved[j] >= moved[j + 1]) continue;
            CHECK(total(moved) >= optimum * (1.0 - 1e-12));
        }
}

TEST_CASE("classify: Fisher-Jenks agrees with the quadratic DP on medium inputs") {
    // The plain O(k·n²) recurrence of spec §2.3, as a reference for n = 300.
    const auto values = skewed(300, 5);
    std::vector<double> s = values;
    std::sort(s.begin(), s.end());
    const std::size_t n = s.size();
    for (std::size_t k : {2u, 3u, 5u, 7u}) {
        std::vector<std::vector<double>> d(k + 1, std::vector<double>(n + 1, INFINITY));
        std::vector<std::vector<std::size_t>> arg(k + 1, std::vector<std::size_t>(n + 1, 0));
        for (std::size_t i = 1; i <= n; ++i) d[1][i] = ssd(s, 0, i);
        for (std::size_t j = 2; j <= k; ++j)
            for (std::size_t i = j; i <= n; ++i)
                for (std::size_t t = j - 1; t < i; ++t) {
                    const double cost = d[j - 1][t] + ssd(s, t, i);
                    if (cost < d[j][i]) {
                        d[j][i] = cost;
                        arg[j][i] = t;
                    }
                }
        std::vector<double> expected(k);
        for (std::size_t j = k, end = n; j >= 1; --j) {
            expected[j - 1] = s[end - 1];
            end = j == 1 ? 0 : arg[j][end];
        }
        INFO("k = " << k);
        CHECK(fisher_jenks_breaks(s, k) == expected);
    }
}

}  // namespace fisher_jenks_test
