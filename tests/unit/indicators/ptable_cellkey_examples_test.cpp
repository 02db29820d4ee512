// regio's perturbation tables against the numbers printed in the
// documentation and tests of the R packages ptable and cellKey
// (sdcTools/ptable, sdcTools/cellKey; issue #17). Their js is the largest
// blocked value; regio's min_published is the smallest published one, js + 1.
// Only the printed numbers are used here (facts to test against), no code.
#include "regio/indicators/ptable_builder.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace ptable_cellkey_examples_test {

using namespace regio::indicators;

namespace {

double round_to(double v, int digits) {
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

double p_of(const PTable& t, std::int64_t i, std::int64_t j) {
    for (const PTableEntry& e : t.row(i))
        if (e.j == j) return e.p;
    return 0;
}

// The probability that the table publishes `published` for `original`
// (counts beyond the last row take its perturbations).
double transition(const PTable& t, std::int64_t original, std::int64_t published) {
    const std::int64_t row = std::min(original, t.max_i());
    return p_of(t, row, published - (original - row));
}

}  // namespace

TEST_CASE("cellKey examples: ptable vignette, row i = 1 of D = 2, V = 1.08, js = 1", "[indicators][cellkey][ptable]") {
    // ptable's introduction vignette, "Plotting the Perturbation Panel":
    // create_cnt_ptable(D = 2, V = 1.08, js = 1, ...) sends i = 1 to j = 0 with
    // probability 0.5133, to j = 2 with 0.46 and to j = 3 with 0.0267.
    // Three points, sum 1, mean 0 and variance V fix the row; regio matches
    // because a row below js has variance at most V (equal here), as there.
    const PTable t = build_ptable({2, 1.08, 2, std::nullopt});
    REQUIRE(t.row(1).size() == 3);
    CHECK(round_to(p_of(t, 1, 0), 4) == 0.5133);
    CHECK(round_to(p_of(t, 1, 2), 4) == 0.46);
    CHECK(round_to(p_of(t, 1, 3), 4) == 0.0267);
}

TEST_CASE("cellKey examples: test_countvars.R's ptable D = 5, V = 3, js = 2, pstay = 0.5", "[indicators][cellkey][ptable]") {
    // cellKey's tests/testthat/test_countvars.R build this table with
    // ptable::create_cnt_ptable(D = 5, V = 3, js = 2, pstay = 0.5, optim = 1,
    // mono = TRUE) and check: 66 rows, max(i) = 8, and to 3 digits mean(p) =
    // 0.136, mean(lb) = 0.562, mean(ub) = 0.698, mean(v) = 1.045.
    const PTable t = build_ptable({5, 3, 3, 0.5});
    CHECK(t.max_i() == 8);
    std::size_t n = 0;
    double p = 0, lb = 0, ub = 0, v = 0;
    for (std::int64_t i = 0; i <= t.max_i(); ++i)
        for (const PTableEntry& e : t.row(i)) {
            ++n;
            p += e.p;
            lb += e.lower;
            ub += e.upper;
            v += static_cast<double>(e.j - e.i);
        }
    REQUIRE(n == 66);
    const auto mean = [&](double sum) { return round_to(sum / static_cast<double>(n), 3); };
    CHECK(mean(p) == 0.136);
    CHECK(mean(v) == 1.045);
    CHECK(mean(lb) == 0.562);
    CHECK(mean(ub) == 0.698);
}

TEST_CASE("cellKey examples: the vignette's perturbed frequency table is possible under regio's tables", "[indicators][cellkey][ptable]") {
    // cellKey's introduction vignette perturbs "total" with ptable::pt_ex_cnts()
    // (create_cnt_ptable(D = 2, V = 1.05, js = 1, ...)) and "cnt_highincome"
    // with create_cnt_ptable(D = 8, V = 3, js = 2, pstay = 0.5) and prints
    // uwc -> puwc for 21 cells each. The cell keys come from R's random
    // record keys, so the exact noise cannot be reproduced; what can: every
    // printed pair is a transition regio's table for the same parameters
    // allows (|change| <= D, zero stays zero, nothing in (0, js]).
    const PTable total = build_ptable({2, 1.05, 2, std::nullopt});
    const std::int64_t total_pairs[][2] = {{4580, 4578}, {1969, 1968}, {1143, 1144}, {864, 863}, {423, 422}, {168, 168}, {13, 12},
                                           {2296, 2296}, {1015, 1017}, {571, 572},   {424, 424}, {195, 194}, {84, 84},   {7, 7},
                                           {2284, 2284}, {954, 953},   {572, 570},   {440, 440}, {228, 226}, {84, 86},   {6, 6}};
    for (const auto& [i, j] : total_pairs) {
        INFO("total " << i << " -> " << j);
        CHECK(transition(total, i, j) > 0);
    }
    const PTable high = build_ptable({8, 3, 3, 0.5});
    const std::int64_t high_pairs[][2] = {{445, 443}, {192, 192}, {123, 120}, {82, 82}, {34, 36},   {14, 13}, {0, 0},
                                          {219, 219}, {90, 94},   {66, 66},   {41, 41}, {15, 17},   {7, 7},   {0, 0},
                                          {226, 227}, {102, 102}, {57, 58},   {41, 42}, {19, 15},   {7, 7},   {0, 0}};
    for (const auto& [i, j] : high_pairs) {
        INFO("cnt_highincome " << i << " -> " << j);
        CHECK(transition(high, i, j) > 0);
    }
    // ... and a change it forbids is refused (the check can fail).
    CHECK(transition(total, 4580, 4583) == 0);
    CHECK(transition(high, 2, 2) == 0);
}

}  // namespace ptable_cellkey_examples_test
