#include "regio/io/input_spec.hpp"

#include <catch2/catch.hpp>

using regio::io::InputSpec;

TEST_CASE("input spec: FILE[:LAYER]") {
    CHECK(InputSpec::parse("regions.gpkg:nutsrg_3").path == "regions.gpkg");
    CHECK(InputSpec::parse("regions.gpkg:nutsrg_3").layer == "nutsrg_3");
    CHECK(InputSpec::parse("regions.gpkg").layer.empty());
    CHECK(InputSpec::parse("dir/with.dots/file.gpkg:lyr").path == "dir/with.dots/file.gpkg");
    CHECK(InputSpec::parse("trailing:").layer.empty());
    CHECK(InputSpec::parse("regions.gpkg:nutsrg_3").display() == "regions.gpkg:nutsrg_3");
}

TEST_CASE("input spec: an existing path with a colon is taken whole") {
    // The test data directory exists, so the whole text is the path.
    const std::string dir = REGIO_TEST_DATA;
    CHECK(InputSpec::parse(dir).path == dir);
}
