// Every worked example of ../shared/spec/choropleth.md §3.
#include "regio/classify/classification.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace classify_examples_test {

using namespace regio::classify;

namespace {

const std::vector<double> k_fib{1, 2, 3, 5, 8, 13, 21, 34, 55, 89};

void require_bins(const Classification& c, const std::vector<double>& expected, double tolerance = 1e-9) {
    REQUIRE(c.bins.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("bound " << i << ": " << c.bins[i] << " vs " << expected[i]);
        CHECK(std::abs(c.bins[i] - expected[i]) <= tolerance);
    }
}

// Total within-class sum of squares of the classes as counted.
double within_ssd(std::vector<double> values, const Classification& c) {
    std::sort(values.begin(), values.end());
    double total = 0.0;
    std::size_t begin = 0;
    for (std::size_t count : c.counts) {
        if (count == 0) continue;
        double mean = 0.0;
        for (std::size_t i = begin; i < begin + count; ++i) mean += values[i];
        mean /= static_cast<double>(count);
        for (std::size_t i = begin; i < begin + count; ++i) total += (values[i] - mean) * (values[i] - mean);
        begin += count;
    }
    return total;
}

}  // namespace

TEST_CASE("classify: equal interval, k = 5 (spec §3)") {
    const auto c = classify(k_fib, Method::EqualInterval, 5);
    require_bins(c, {18.6, 36.2, 53.8, 71.4, 89});
    CHECK(c.bins.back() == 89.0);  // max exactly
    CHECK(c.counts == std::vector<std::size_t>{6, 2, 0, 1, 1});
    CHECK(c.lowest == 1.0);
    CHECK(c.requested_k == 5);
    CHECK(c.warnings.empty());
}

TEST_CASE("classify: quantiles, k = 4 and 5 (spec §3)") {
    const auto q4 = classify(k_fib, Method::Quantile, 4);
    require_bins(q4, {3.5, 10.5, 30.75, 89});
    CHECK(q4.counts == std::vector<std::size_t>{3, 2, 2, 3});
    CHECK(class_of(q4, 3.0) == 0);  // 3 <= 3.5: boundary check of §3

    const auto q5 = classify(k_fib, Method::Quantile, 5);
    require_bins(q5, {2.8, 6.8, 16.2, 38.2, 89});
    CHECK(q5.counts == std::vector<std::size_t>{2, 2, 2, 2, 2});
}

TEST_CASE("classify: Fisher-Jenks, k = 2, 3, 4 (spec §3)") {
    const auto f2 = classify(k_fib, Method::FisherJenks, 2);
    require_bins(f2, {34, 89});
    CHECK(f2.counts == std::vector<std::size_t>{8, 2});
    CHECK(within_ssd(k_fib, f2) == Approx(1500.875).margin(1e-9));

    const auto f3 = classify(k_fib, Method::FisherJenks, 3);
    require_bins(f3, {21, 55, 89});
    CHECK(f3.counts == std::vector<std::size_t>{7, 2, 1});
    // 713 - 53²/7 + 220.5 (spec: 532.2143)
    CHECK(within_ssd(k_fib, f3) == Approx(713.0 - 53.0 * 53.0 / 7.0 + 220.5).margin(1e-9));
    CHECK(within_ssd(k_fib, f3) == Approx(532.2143).margin(1e-4));
    CHECK(class_of(f3, 21.0) == 0);  // bounds are inclusive upward

    const auto f4 = classify(k_fib, Method::FisherJenks, 4);
    require_bins(f4, {13, 34, 55, 89});
    CHECK(f4.counts == std::vector<std::size_t>{6, 2, 1, 1});
    CHECK(within_ssd(k_fib, f4) == Approx(185.8333).margin(1e-4));
}

TEST_CASE("classify: head/tail (spec §3)") {
    const auto c = classify(k_fib, Method::HeadTail, 0);
    require_bins(c, {23.1, 178.0 / 3.0, 89});
    CHECK(c.counts == std::vector<std::size_t>{7, 2, 1});
    CHECK(c.requested_k == 3);  // k is an output of the method
    CHECK(c.warnings.empty());
}

TEST_CASE("classify: std-mean with multiples -2, -1, 1, 2 (spec §3)") {
    const auto c = classify(k_fib, Method::StdMean, 5);
    // mean 23.1, sample sd 28.826878 (n - 1).
    double ss = 0.0;
    for (double v : k_fib) ss += (v - 23.1) * (v - 23.1);
    const double sd = std::sqrt(ss / 9.0);
    CHECK(sd == Approx(28.826878).margin(5e-7));
    require_bins(c, {23.1 - 2 * sd, 23.1 - sd, 23.1 + sd, 23.1 + 2 * sd, 89});
    require_bins(c, {-34.553756, -5.726878, 51.926878, 80.753756, 89}, 5e-7);  // the spec's 6 decimals
    CHECK(c.counts == std::vector<std::size_t>{0, 0, 8, 1, 1});
    CHECK(c.requested_k == 5);
    // Empty classes are kept (count 0) and reported; the legend starts at the
    // lowest bound so it never reads backwards.
    CHECK(c.lowest == c.bins.front());
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].find("2 classes are empty") != std::string::npos);
}

TEST_CASE("classify: quantile ties collapse (spec §3 ties example)") {
    const std::vector<double> y{1, 1, 1, 1, 1, 1, 2, 3, 4, 5};
    const auto c = classify(y, Method::Quantile, 4);
    require_bins(c, {1, 2.75, 5});
    CHECK(c.counts == std::vector<std::size_t>{6, 1, 3});
    CHECK(c.requested_k == 4);
    CHECK(c.k() == 3);
    REQUIRE(c.warnings.size() == 2);
    CHECK(c.warnings[0].find("duplicate") != std::string::npos);
    CHECK(c.warnings[1].find("4 classes requested, 3 used") != std::string::npos);
}

TEST_CASE("classify: fit measures (GVF, ADCM)") {
    const auto f3 = classify(k_fib, Method::FisherJenks, 3);
    double sdam = 0.0;
    for (double v : k_fib) sdam += (v - 23.1) * (v - 23.1);
    CHECK(f3.gvf == Approx(1.0 - (713.0 - 53.0 * 53.0 / 7.0 + 220.5) / sdam).margin(1e-12));
    // Medians 5, 44.5, 89: |1-5|+|2-5|+|3-5|+0+3+8+16 = 36, plus 10.5 + 10.5.
    CHECK(f3.adcm == Approx(57.0).margin(1e-12));
}

}  // namespace classify_examples_test
