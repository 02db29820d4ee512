// Where the records landed (aggregate/landing_check): nothing in any region
// is an error with a CRS hint; more than half outside a warning.
#include "regio/aggregate/landing_check.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace landing_check_test {

using namespace regio;
using aggregate::Landing;

TEST_CASE("landing check: nothing lands is an error naming the input, with a CRS hint") {
    const Landing l{"points", "pts.csv", "EPSG:3035", "EPSG:3035", 5, 0};
    try {
        aggregate::check_landing(l);
        FAIL("no error");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()) == "pts.csv: none of the points (5) lands in any region");
        CHECK(e.hint() == "check the CRS (input and regions both in EPSG:3035): coordinates in another CRS than declared land nowhere");
    }
    // Whatever is expected of the share outside.
    CHECK_THROWS_AS(aggregate::check_landing({"grid's value", "g.tif", "EPSG:3035", "EPSG:4326", 4080, 0,
                                              aggregate::OutsideShare::Expected}),
                    DataError);
}

TEST_CASE("landing check: shares outside") {
    // Nothing to land: no error.
    CHECK_FALSE(aggregate::check_landing({"points", "pts.csv", "EPSG:3035", "EPSG:3035", 0, 0}));
    // Exactly half outside: no warning; more than half: a warning with the share.
    CHECK_FALSE(aggregate::check_landing({"points", "pts.csv", "EPSG:3035", "EPSG:3035", 4, 2}));
    const auto w = aggregate::check_landing({"points", "pts.csv", "EPSG:4326", "EPSG:3035", 4, 1});
    REQUIRE(w);
    CHECK(*w == "pts.csv: 75.0% of the points (3 of 4) fall outside all regions; check the CRS if that is unexpected "
                "(input in EPSG:4326, regions in EPSG:3035)");
    // A grid usually covers more than its regions.
    CHECK_FALSE(aggregate::check_landing({"grid's value", "g.tif", "EPSG:3035", "EPSG:3035", 4, 1, aggregate::OutsideShare::Expected}));
}

}  // namespace landing_check_test
