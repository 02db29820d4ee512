// Validation of estimates against a reference (regio/compare/validation.hpp):
// absolute percentage errors, their median and worst region, zero reference
// counts, regions missing on either side, and the exact check on parents.
#include "regio/compare/validation.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace validation_test {

using namespace regio::compare;
using Catch::Matchers::Contains;

namespace {

CountTable table(std::string source, std::vector<std::string> ids, std::vector<std::string> columns,
                 std::vector<std::vector<double>> values) {
    return CountTable{std::move(source), std::move(ids), std::move(columns), std::move(values)};
}

}  // namespace

TEST_CASE("median: odd, even, one and no values") {
    CHECK(median({3, 1, 2}) == 2);
    CHECK(median({4, 1, 3, 2}) == 2.5);
    CHECK(median({7}) == 7);
    CHECK(median({}) == 0);
}

TEST_CASE("column errors: APE per region, median and worst, regions matched by id not order") {
    const auto reference = table("ref.csv", {"a", "b", "c", "d"}, {"pop"}, {{100, 200, 50, 0}});
    // Estimate rows in another order; column named with a suffix.
    const auto estimate = table("est.csv", {"d", "c", "b", "a"}, {"pop_sum"}, {{5, 55, 190, 101}});
    const auto errors = column_errors(reference, estimate, {"pop_sum"}, "records");
    REQUIRE(errors.size() == 1);
    const ColumnErrors& e = errors[0];
    CHECK(e.estimate == "records");
    CHECK(e.column == "pop");
    CHECK(e.regions == 3);          // d has reference 0: no APE
    CHECK(e.zero_reference == 1);
    // APEs: a 1 %, b 5 %, c 10 %
    CHECK(e.median_ape == Approx(5));
    CHECK(e.worst_ape == Approx(10));
    CHECK(e.worst_region == "c");
    CHECK(e.reference_total == 350);
    CHECK(e.estimate_total == 351);
}

TEST_CASE("column errors: a perfect estimate has zero error; ties keep the first region") {
    const auto reference = table("ref.csv", {"x", "y"}, {"n"}, {{10, 20}});
    const auto errors = column_errors(reference, reference, {"n"}, "same");
    CHECK(errors[0].median_ape == 0);
    CHECK(errors[0].worst_ape == 0);
    CHECK(errors[0].worst_region == "x");
}

TEST_CASE("column errors: regions missing on either side, duplicate ids and unknown columns are errors") {
    const auto reference = table("ref.csv", {"a", "b"}, {"n"}, {{1, 2}});
    CHECK_THROWS_WITH(column_errors(reference, table("est.csv", {"a"}, {"n"}, {{1}}), {"n"}, "e"),
                      Contains("region 'b'") && Contains("ref.csv") && Contains("missing"));
    CHECK_THROWS_WITH(column_errors(reference, table("est.csv", {"a", "b", "z"}, {"n"}, {{1, 2, 3}}), {"n"}, "e"),
                      Contains("region 'z'"));
    CHECK_THROWS_WITH(column_errors(reference, table("est.csv", {"a", "a"}, {"n"}, {{1, 2}}), {"n"}, "e"),
                      Contains("'a' appears twice"));
    CHECK_THROWS_AS(column_errors(reference, table("est.csv", {"a", "b"}, {"m"}, {{1, 2}}), {"n"}, "e"), regio::DataError);
}

TEST_CASE("parent check: sums by id prefix, exact within the tolerance, worst parent named") {
    const auto parents = table("districts.csv", {"01", "02"}, {"n"}, {{30, 12}});
    SECTION("exact (carried shares sum to the parent up to rounding)") {
        const auto estimate = table("est.csv", {"0110", "0120", "0210"}, {"n_sum"}, {{10.1, 19.9 + 1e-12, 12}});
        const auto checks = parent_checks(parents, estimate, {"n_sum"}, {"n"}, 2, 1e-9, "records");
        REQUIRE(checks.size() == 1);
        CHECK(checks[0].exact);
        CHECK(checks[0].parents == 2);
        CHECK(checks[0].max_abs_difference < 1e-9);
    }
    SECTION("not exact: one person moved across a parent border") {
        const auto estimate = table("est.csv", {"0110", "0120", "0210"}, {"n_sum"}, {{10, 19, 13}});
        const auto checks = parent_checks(parents, estimate, {"n_sum"}, {"n"}, 2, 1e-9, "records");
        CHECK_FALSE(checks[0].exact);
        CHECK(checks[0].max_abs_difference == 1);
        CHECK(checks[0].worst_parent == "01");
    }
    SECTION("a region without a parent, and a parent without regions, are errors") {
        CHECK_THROWS_WITH(parent_checks(parents, table("est.csv", {"0110", "0310"}, {"n"}, {{1, 2}}), {"n"}, {"n"}, 2, 1e-9, "e"),
                          Contains("region '0310' has no parent '03'"));
        CHECK_THROWS_WITH(parent_checks(parents, table("est.csv", {"0110"}, {"n"}, {{1}}), {"n"}, {"n"}, 2, 1e-9, "e"),
                          Contains("parent '02' has no region"));
    }
}

}  // namespace validation_test
