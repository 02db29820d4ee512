#include "regio/error.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace error_test {

using namespace regio;

TEST_CASE("errors say where") {
    CHECK(DataError("bad", Where{"f.csv", {}, 12}).what() == std::string("f.csv: line 12: bad"));
    CHECK(DataError("bad", Where{"f.gpkg", "lyr", {}, 7, "id"}).what() ==
          std::string("f.gpkg:lyr: feature 7: field 'id': bad"));
    CHECK(IoError("no such file").what() == std::string("no such file"));
    const UsageError u("x", {}, "try y");
    CHECK(u.hint() == "try y");
    CHECK(u.message() == "x");
}

}  // namespace error_test
