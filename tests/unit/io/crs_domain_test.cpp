// The plausible coordinates of a CRS (io/crs_domain): PROJ's area of use,
// widened by its own size, in the CRS's units; degrees for geographic CRSs.
#include "regio/error.hpp"
#include "regio/io/crs_domain.hpp"

#include <catch2/catch.hpp>

#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crs_domain_test {

using namespace regio;

namespace {

io::CrsDomain domain_of(const std::string& crs) { return io::CrsDomain(io::Crs::from_user(crs, "test")); }

}  // namespace

TEST_CASE("CRS domain: geographic CRSs hold degrees, never metres") {
    const auto d = domain_of("EPSG:4326");
    CHECK(d.contains(13.4, 52.5));
    CHECK(d.contains(-180, -90));
    CHECK(d.contains(180, 90));
    CHECK_FALSE(d.contains(180.000001, 0));
    CHECK_FALSE(d.contains(0, -90.5));
    CHECK_FALSE(d.contains(4321000, 3210000));  // EPSG:3035 metres
    CHECK_FALSE(d.contains(std::numeric_limits<double>::quiet_NaN(), 0));
    CHECK(d.describe() == "EPSG:4326 (plausible: x -180..180, y -90..90)");
    // A geographic CRS with a small area of use still takes the whole globe in degrees.
    CHECK(domain_of("EPSG:4258").contains(55.5, -21.1));
}

TEST_CASE("CRS domain: EPSG:3035 takes the EU's overseas regions, not another projection's metres") {
    const auto d = domain_of("EPSG:3035");
    CHECK(d.contains(4321000, 3210000));  // the projection centre, 52N 10E
    // The extent of GISCO's NUTS in EPSG:3035, overseas regions included
    // (../shared/data/README.md): Guyane to Réunion.
    CHECK(d.contains(-2.82e6, -3.08e6));
    CHECK(d.contains(1.00e7, 6.41e6));
    CHECK_FALSE(d.contains(4321000, 3e7));
    CHECK_FALSE(d.contains(std::numeric_limits<double>::infinity(), 3210000));
    // Longitude/latitude read as metres lie near the false origin: plausible
    // here (only landing nowhere betrays them), so the check never refuses them.
    CHECK(d.contains(13.4, 52.5));
}

TEST_CASE("CRS domain: a UTM zone refuses EPSG:3035 metres") {
    const auto d = domain_of("EPSG:25832");
    CHECK(d.contains(500000, 5800000));  // 52N 9E
    CHECK_FALSE(d.contains(4321000, 3210000));
}

TEST_CASE("CRS domain: a CRS without an area of use is only held to finite coordinates") {
    const auto d = domain_of("+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m +no_defs +type=crs");
    CHECK(d.contains(1e12, -1e12));
    CHECK_FALSE(d.contains(std::numeric_limits<double>::quiet_NaN(), 0));
}

TEST_CASE("CRS domain: the point named in the error is the first outside in input order, over merged tallies") {
    const auto d = domain_of("EPSG:4326");
    io::PointBatch a, b;
    a.x = {1, 500000, 2};
    a.y = {1, 1, 2};
    a.ref = {2, 3, 4};
    b.x = {3, 400000};
    b.y = {3, 7};
    b.ref = {5, 6};
    io::PointDomainTally first(&d), second(&d);
    second.check(b);
    first.check(a);
    second.merge(first);
    CHECK(second.outside() == 2);
    CHECK_THROWS_WITH(second.throw_if_outside("pts.csv", "line"),
                      "pts.csv: line 3: the point (500000, 1) is outside the CRS EPSG:4326 (plausible: x -180..180, y -90..90) "
                      "(as are 2 points in all)");
    io::PointDomainTally none(nullptr);
    none.check(a);
    CHECK(none.outside() == 0);
    CHECK_NOTHROW(none.throw_if_outside("pts.csv", "line"));
}

}  // namespace crs_domain_test
