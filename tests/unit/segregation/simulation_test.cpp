// Random allocation and expected values (../shared/spec/segregation.md §5).
#include "regio/segregation/random_allocation.hpp"
#include "regio/segregation/simulation.hpp"
#include "regio/segregation/single_group.hpp"

#include <catch2/catch.hpp>

#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace simulation_test {

using namespace regio::segregation;
using Catch::Matchers::WithinAbs;

TEST_CASE("segregation: hypergeometric draws have the exact mean and variance") {
    struct Case {
        std::int64_t good, bad, sample;
    };
    for (const Case c : {Case{30, 70, 10}, Case{3000, 7000, 1000}, Case{789076, 2980886, 8400}, Case{5, 995, 600}, Case{800, 200, 990}}) {
        CAPTURE(c.good, c.bad, c.sample);
        Uniform uniform(42);
        const int draws = 20000;
        double sum = 0, sum2 = 0;
        for (int k = 0; k < draws; ++k) {
            const auto v = static_cast<double>(hypergeometric(c.good, c.bad, c.sample, uniform));
            REQUIRE(v >= 0);
            REQUIRE(v <= static_cast<double>(std::min(c.good, c.sample)));
            sum += v;
            sum2 += v * v;
        }
        const double N = static_cast<double>(c.good + c.bad), n = static_cast<double>(c.sample), p = static_cast<double>(c.good) / N;
        const double mean = n * p, variance = n * p * (1 - p) * (N - n) / (N - 1);
        const double observed_mean = sum / draws, observed_variance = sum2 / draws - observed_mean * observed_mean;
        CHECK(std::abs(observed_mean - mean) < 5 * std::sqrt(variance / draws) + 1e-9);
        CHECK(std::abs(observed_variance / variance - 1) < 0.06);
    }
    Uniform uniform(1);
    CHECK(hypergeometric(0, 10, 5, uniform) == 0);
    CHECK(hypergeometric(10, 0, 5, uniform) == 5);
    CHECK(hypergeometric(4, 6, 10, uniform) == 4);
}

TEST_CASE("segregation: random allocation keeps unit and group totals") {
    const GroupCounts counts{{30, 10, 0, 20, 0}, {10, 20, 10, 20, 0}, {0, 10, 40, 20, 0}};
    Uniform uniform(7);
    for (int k = 0; k < 50; ++k) {
        const GroupCounts drawn = random_allocation(counts, uniform);
        for (std::size_t i = 0; i < 5; ++i) {
            double a = 0, b = 0;
            for (std::size_t m = 0; m < 3; ++m) {
                a += counts[m][i];
                b += drawn[m][i];
                CHECK(drawn[m][i] >= 0);
            }
            CHECK(a == b);
        }
        for (std::size_t m = 0; m < 3; ++m) {
            double a = 0, b = 0;
            for (std::size_t i = 0; i < 5; ++i) a += counts[m][i], b += drawn[m][i];
            CHECK(a == b);
        }
    }
}

namespace {

// 200 units of 20 to 60 people; the group placed at random with share 0.3.
Composition random_table(std::uint64_t seed) {
    Uniform uniform(seed);
    Composition c{GroupMode::OneAgainstTotal, {"x"}, {{}}, {}};
    for (int i = 0; i < 200; ++i) {
        const auto t = static_cast<std::int64_t>(20 + 40 * uniform());
        std::int64_t x = 0;
        for (std::int64_t k = 0; k < t; ++k) x += uniform() < 0.3;
        c.totals.push_back(static_cast<double>(t));
        c.counts[0].push_back(static_cast<double>(x));
    }
    return c;
}

const IndexPlan kDissimilarity{{Index::Dissimilarity}, regio::geometry::Contiguity::Queen, {}, {}, Kernel::Box};

}  // namespace

TEST_CASE("segregation: random allocation draws like shuffling individuals") {
    // The same table re-allocated by a shuffle of every individual's group
    // (the definition) and by the chained hypergeometric draws: the mean and
    // spread of D agree within their sampling error.
    const Composition c = random_table(2024);
    std::vector<int> people;
    for (std::size_t i = 0; i < c.units(); ++i) {
        people.insert(people.end(), static_cast<std::size_t>(c.counts[0][i]), 1);
        people.insert(people.end(), static_cast<std::size_t>(c.totals[i] - c.counts[0][i]), 0);
    }
    const int draws = 400;
    Uniform uniform(99);
    double shuffle_sum = 0, shuffle_sum2 = 0, chain_sum = 0, chain_sum2 = 0;
    for (int k = 0; k < draws; ++k) {
        for (std::size_t j = people.size() - 1; j > 0; --j)
            std::swap(people[j], people[static_cast<std::size_t>(uniform() * static_cast<double>(j + 1))]);
        std::vector<double> x(c.units(), 0.0);
        std::size_t at = 0;
        for (std::size_t i = 0; i < c.units(); ++i)
            for (double n = 0; n < c.totals[i]; ++n) x[i] += people[at++];
        const double d1 = dissimilarity(x, c.totals);
        const double d2 = dissimilarity(random_allocation({c.counts[0], partition_counts(c)[1]}, uniform)[0], c.totals);
        shuffle_sum += d1, shuffle_sum2 += d1 * d1, chain_sum += d2, chain_sum2 += d2 * d2;
    }
    const double m1 = shuffle_sum / draws, m2 = chain_sum / draws;
    const double sd1 = std::sqrt(shuffle_sum2 / draws - m1 * m1), sd2 = std::sqrt(chain_sum2 / draws - m2 * m2);
    CHECK(std::abs(m1 - m2) < 4 * std::sqrt((sd1 * sd1 + sd2 * sd2) / draws));
    CHECK(std::abs(sd1 / sd2 - 1) < 0.2);
}

TEST_CASE("segregation: observed D of random spreads lies in the simulated interval") {
    // 20 tables with the group spread at random: the 95 % interval holds the
    // observed D about 19 times in 20 (fewer than 15 is far outside chance).
    int inside = 0;
    for (std::uint64_t table = 0; table < 20; ++table) {
        const Composition c = random_table(1000 + table);
        const std::vector<double> observed = index_values(c, {}, kDissimilarity);
        const auto sim = simulate(c, {}, kDissimilarity, observed, {199, 5, 2}, table, regio::ProgressRange(nullptr));
        inside += sim[0].ci_low <= observed[0] && observed[0] <= sim[0].ci_high;
        CHECK(sim[0].expected > 0.05);  // small units: D well above 0 even at random
    }
    CHECK(inside >= 15);
}

TEST_CASE("segregation: the same seed gives the same simulated values") {
    const Composition c = random_table(2024);
    const std::vector<double> observed = index_values(c, {}, kDissimilarity);
    const auto sim = simulate(c, {}, kDissimilarity, observed, {199, 5, 2}, 0, regio::ProgressRange(nullptr));
    // Whatever the thread count.
    const auto again = simulate(c, {}, kDissimilarity, observed, {199, 5, 1}, 0, regio::ProgressRange(nullptr));
    CHECK(again[0].expected == sim[0].expected);
    CHECK(again[0].ci_low == sim[0].ci_low);
    CHECK(again[0].ci_high == sim[0].ci_high);
    CHECK(again[0].p_value == sim[0].p_value);
    const auto other = simulate(c, {}, kDissimilarity, observed, {199, 6, 2}, 0, regio::ProgressRange(nullptr));
    CHECK(other[0].expected != sim[0].expected);
}

TEST_CASE("segregation: a segregated table lies far above its simulated values") {
    Composition c{GroupMode::OneAgainstTotal, {"A"}, {{100, 60, 40, 0}}, {100, 100, 100, 100}};
    const std::vector<double> observed = index_values(c, {}, kDissimilarity);
    const auto sim = simulate(c, {}, kDissimilarity, observed, {99, 1, 1}, 0, regio::ProgressRange(nullptr));
    CHECK(sim[0].ci_high < observed[0]);
    CHECK(sim[0].p_value == 0.0);
}

TEST_CASE("segregation: percentiles interpolate between order statistics") {
    CHECK(percentile({1, 2, 3, 4, 5}, 0.5) == 3);
    CHECK_THAT(percentile({1, 2, 3, 4}, 0.025), WithinAbs(1.075, 1e-12));
    CHECK(percentile({7}, 0.975) == 7);
}

}  // namespace simulation_test
