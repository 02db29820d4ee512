// The perturbation table of the cell-key method (issue #17): lookup by
// (original value, cell key) on a hand-made table, the checks of a table, and
// reading cellKey's CSV format.
#include "regio/indicators/ptable.hpp"

#include "regio/error.hpp"
#include "regio/indicators/ptable_csv.hpp"

#include <catch2/catch.hpp>

#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace ptable_test {

using namespace regio::indicators;

namespace {

// 1 -> 0 or 2 (half each); 2 -> 1, 2, 3 (1/4, 1/2, 1/4); the last row (2)
// stands for every larger count.
PTable hand_made() {
    return PTable::from_entries({{0, 0, 1.0, 0, 0, 0},
                                 {1, 0, 0.5, 0, 0, 0},
                                 {1, 2, 0.5, 0, 0, 0},
                                 {2, 3, 0.25, 0, 0, 0},  // out of order on purpose: rows are sorted by j
                                 {2, 1, 0.25, 0, 0, 0},
                                 {2, 2, 0.5, 0, 0, 0}},
                                "hand-made");
}

void check_hand_made_lookup(const PTable& t) {
    CHECK(t.max_i() == 2);
    CHECK(t.perturb(0, 0.0) == 0);
    CHECK(t.perturb(0, 0.999) == 0);
    CHECK(t.perturb(1, 0.0) == 0);
    CHECK(t.perturb(1, 0.4999) == 0);
    CHECK(t.perturb(1, 0.5) == 2);  // intervals are [lower, upper)
    CHECK(t.perturb(2, 0.2499) == 1);
    CHECK(t.perturb(2, 0.25) == 2);
    CHECK(t.perturb(2, 0.7499) == 2);
    CHECK(t.perturb(2, 0.75) == 3);
    CHECK(t.perturb(2, 0.9999999999) == 3);
    CHECK(t.perturb(10, 0.1) == 9);  // the last row, shifted
    CHECK(t.perturb(10, 0.5) == 10);
    CHECK(t.perturb(1000, 0.8) == 1001);
    CHECK(t.min_published() == 1);
    CHECK(t.max_perturbation() == 1);
}

void check_config_error(const std::vector<PTableEntry>& entries, const std::string& part) {
    try {
        (void)PTable::from_entries(entries, "t.csv");
        FAIL("no error for " << part);
    } catch (const regio::ConfigError& e) {
        CHECK_THAT(e.message(), Catch::Contains(part));
        CHECK(e.where().file == "t.csv");
    }
}

}  // namespace

TEST_CASE("ptable: lookup by original value and cell key on a hand-made table", "[indicators][cellkey]") {
    check_hand_made_lookup(hand_made());
}

TEST_CASE("ptable: the checks of a table", "[indicators][cellkey]") {
    check_config_error({}, "no rows");
    check_config_error({{0, 0, 1.0, 0, 0, 0}, {2, 2, 1.0, 0, 0, 0}}, "rows for original values 1 to 1 are missing");
    check_config_error({{0, 0, 1.0, 0, 0, 0}, {1, 1, 0.5, 0, 0, 0}, {1, 2, 0.4, 0, 0, 0}}, "sum to 0.9");
    check_config_error({{0, 0, 0.5, 0, 0, 0}, {0, 1, 0.5, 0, 0, 0}}, "must stay 0");
    check_config_error({{0, 0, 1.0, 0, 0, 0}, {1, 1, 0.5, 0, 0, 0}, {1, 1, 0.5, 0, 0, 0}}, "twice");
    check_config_error({{0, 0, 1.0, 0, 0, 0}, {1, -1, 1.0, 0, 0, 0}}, "negative");
    check_config_error({{0, 0, 1.0, 0, 0, 0}, {1, 1, 1.5, 0, 0, 0}}, "not in [0, 1]");
}

TEST_CASE("ptable: written in cellKey's format", "[indicators][cellkey]") {
    std::ostringstream out;
    hand_made().write_csv(out);
    CHECK(out.str() ==
          "i,j,p,v,p_int_lb,p_int_ub,type\n"
          "0,0,1,0,0,1,all\n"
          "1,0,0.5,-1,0,0.5,all\n"
          "1,2,0.5,1,0.5,1,all\n"
          "2,1,0.25,-1,0,0.25,all\n"
          "2,2,0.5,0,0.25,0.75,all\n"
          "2,3,0.25,1,0.75,1,all\n");
}

TEST_CASE("ptable: read from a CSV in cellKey's format", "[indicators][cellkey]") {
    check_hand_made_lookup(read_ptable_csv(REGIO_TEST_DATA "/ptable/hand_made.csv"));
    try {
        (void)read_ptable_csv(REGIO_TEST_DATA "/ptable/row_sum_wrong.csv");
        FAIL("a row that sums to 0.9 was accepted");
    } catch (const regio::ConfigError& e) {
        CHECK_THAT(e.message(), Catch::Contains("original value 1 sum to 0.9"));
        CHECK(e.where().line == 3);
        CHECK(e.where().field == "p");
    }
}

}  // namespace ptable_test
