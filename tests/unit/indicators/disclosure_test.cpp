// Disclosure control (../shared/spec/indicators.md §5): the primary and rate
// rules, and the spec's worked example of secondary suppression exactly (the
// properties are in suppression_property_test.cpp).
#include "regio/indicators/disclosure.hpp"

#include "disclosure_test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace disclosure_test {

using namespace regio::indicators;
using namespace regio_test::disclosure;

TEST_CASE("indicators: primary and rate rules", "[indicators]") {
    const DisclosureRules rules;  // t_min 10, publish_zero, complement_check
    CHECK(primary_state(50, 100, rules).flag == Flag::Ok);
    CHECK(primary_state(10, 100, rules).flag == Flag::Ok);  // n = T_min is published
    CHECK(primary_state(0, 100, rules).flag == Flag::Ok);   // zeros are published
    const CellState small = primary_state(4, 100, rules);
    CHECK((small.flag == Flag::Suppressed && small.reason == Reason::Primary));
    const CellState den = primary_state(0, 9, rules);
    CHECK((den.flag == Flag::Suppressed && den.reason == Reason::Rate));
    const CellState all_but = primary_state(95, 100, rules);  // all but 5
    CHECK((all_but.flag == Flag::Suppressed && all_but.reason == Reason::Rate));
    CHECK(primary_state(100, 100, rules).flag == Flag::Ok);  // complement 0 is not small
    CHECK(primary_state(90, 100, rules).flag == Flag::Ok);
    CHECK(primary_state(0, 0, rules).flag == Flag::ZeroDenominator);
    CHECK(primary_state(kNaN, 100, rules).flag == Flag::NoData);
    CHECK(primary_state(5, kNaN, rules).flag == Flag::NoData);

    DisclosureRules strict;
    strict.publish_zero = false;
    strict.complement_check = false;
    CHECK(primary_state(0, 100, strict).flag == Flag::Suppressed);
    CHECK(primary_state(0, 0, strict).flag == Flag::Suppressed);
    CHECK(primary_state(95, 100, strict).flag == Flag::Ok);
}

TEST_CASE("indicators: secondary suppression on the spec's worked example", "[indicators]") {
    // Columns NAT, EU_OTH, OTH, Total; rows R1, R2; the column totals (320, 19,
    // 70, 409) are published elsewhere.
    const std::vector<double> counts{120, 4, 30, 154, 200, 15, 40, 255};
    std::vector<CellState> s = primary_counts(counts, 10);
    CHECK(hidden_cells(s) == std::vector<std::size_t>{1});
    const auto constraints = table_constraints(2, 4, 3, {std::nullopt, std::nullopt});
    REQUIRE(constraints.size() == 2 + 4);  // two rows, then one grand total per column
    CHECK(secondary_suppression(counts, s, constraints) == 3);
    // {R1.EU_OTH, R1.OTH, R2.EU_OTH, R2.OTH}; NAT and all totals published.
    CHECK(hidden_cells(s) == std::vector<std::size_t>{1, 2, 5, 6});
    CHECK(s[1].reason == Reason::Primary);
    for (std::size_t i : {2, 5, 6}) CHECK(s[i].reason == Reason::Secondary);
    std::vector<std::size_t> per_constraint;  // rows R1, R2; columns NAT, EU_OTH, OTH, Total
    for (const auto& c : constraints) per_constraint.push_back(hidden_in(c, s));
    CHECK(per_constraint == std::vector<std::size_t>{2, 2, 0, 2, 2, 0});
}

TEST_CASE("indicators: secondary suppression partners", "[indicators]") {
    SECTION("ties go to the first cell; zeros are not partners while a non-zero cell is left") {
        const std::vector<double> v{0, 3, 20, 20, 43};
        std::vector<CellState> s = primary_counts(v, 10);
        secondary_suppression(v, s, {Constraint{4, {0, 1, 2, 3}}});
        CHECK(hidden_cells(s) == std::vector<std::size_t>{1, 2});
    }
    SECTION("only zeros left: a zero, then the total") {
        const std::vector<double> v{4, 0, 4};
        std::vector<CellState> s = primary_counts(v, 10);
        s[2] = {};  // the total is published
        secondary_suppression(v, s, {Constraint{2, {0, 1}}});
        CHECK(hidden_cells(s) == std::vector<std::size_t>{0, 1});
        const std::vector<double> w{4, 4};
        std::vector<CellState> t = primary_counts(w, 10);
        t[1] = {};
        secondary_suppression(w, t, {Constraint{1, {0}}});  // a parent with one child
        CHECK(hidden_cells(t) == std::vector<std::size_t>{0, 1});
    }
    SECTION("a hidden total is protected by a member") {
        const std::vector<double> v{30, 12, 42};
        std::vector<CellState> s(3);
        s[2] = {Flag::Suppressed, Reason::Rate};
        secondary_suppression(v, s, {Constraint{2, {0, 1}}});
        CHECK(hidden_cells(s) == std::vector<std::size_t>{1, 2});
    }
    SECTION("a lone missing cell needs no partner, but protects a suppressed one") {
        const std::vector<double> v{30, 12, 42};
        std::vector<CellState> s(3);
        s[0] = {Flag::NoData, Reason::None};
        CHECK(secondary_suppression(v, s, {Constraint{2, {0, 1}}}) == 0);
        s[1] = {Flag::Suppressed, Reason::Primary};
        CHECK(secondary_suppression(v, s, {Constraint{2, {0, 1}}}) == 0);
    }
}

TEST_CASE("indicators: table constraints with a hierarchy", "[indicators]") {
    // rows: a, b (children of p), c (child of q), p, q (top); two columns, no total.
    const std::vector<std::optional<std::size_t>> parent{3, 3, 4, std::nullopt, std::nullopt};
    const auto cs = table_constraints(5, 2, std::nullopt, parent);
    REQUIRE(cs.size() == 6);  // per column: p, q, and the grand total over p and q
    CHECK(cs[0].total == std::optional<std::size_t>(6));
    CHECK(cs[0].members == std::vector<std::size_t>{0, 2});
    CHECK(cs[1].members == std::vector<std::size_t>{4});
    CHECK(!cs[2].total);
    CHECK(cs[2].members == std::vector<std::size_t>{6, 8});
    CHECK(cs[3].members == std::vector<std::size_t>{1, 3});
    // A single top-level row is the grand total itself: no extra constraint.
    CHECK(table_constraints(2, 1, std::nullopt, {1, std::nullopt}).size() == 1);
}

TEST_CASE("indicators: a minimum denominator apart from the cell threshold") {
    DisclosureRules rules;
    rules.min_denominator = 50;
    CHECK(primary_state(20, 60, rules).flag == Flag::Ok);
    const auto small_base = primary_state(20, 40, rules);  // counts publishable, the base too small for a rate
    CHECK(small_base.flag == Flag::Suppressed);
    CHECK(small_base.reason == Reason::Rate);
    CHECK(primary_state(5, 60, rules).reason == Reason::Primary);  // t_min still applies to the numerator
}

}  // namespace disclosure_test
