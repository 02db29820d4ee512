// Grid-cell identifiers; vectors from ../shared/spec/grids.md §1-2.
#include "regio/grid/cell_code.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace Catch {
template <>
struct StringMaker<regio::grid::CellCode> {
    static std::string convert(const regio::grid::CellCode& c) {
        return "{" + std::to_string(c.resolution) + " m, E " + std::to_string(c.easting) + ", N " +
               std::to_string(c.northing) + "}";
    }
};
}  // namespace Catch

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace cell_code_test {

using namespace regio::grid;

namespace {

CellCode parse_ok(const std::string& text, CellCodeStyle expected_style) {
    std::string why;
    const auto parsed = parse_cell_code(text, why);
    INFO(text << " -> " << why);
    REQUIRE(parsed);
    CHECK(parsed->kind == CellCodeKind::Cell);
    CHECK(parsed->style == expected_style);
    return parsed->code;
}

std::string inspire(const CellCode& c) { return format_cell_code(c, CellCodeStyle::Inspire); }

}  // namespace

TEST_CASE("the three styles name the same 1 km cell (grids.md §2)") {
    const CellCode cell{1000, 4334000, 2684000};
    CHECK(parse_ok("CRS3035RES1000mN2684000E4334000", CellCodeStyle::Inspire) == cell);
    CHECK(parse_ok("1kmN2684E4334", CellCodeStyle::Geostat) == cell);
    CHECK(parse_ok("1kmE4334N2684", CellCodeStyle::Eea) == cell);
    CHECK(format_cell_code(cell, CellCodeStyle::Inspire) == "CRS3035RES1000mN2684000E4334000");
    CHECK(format_cell_code(cell, CellCodeStyle::Geostat) == "1kmN2684E4334");
    CHECK(format_cell_code(cell, CellCodeStyle::Eea) == "1kmE4334N2684");
}

TEST_CASE("EEA codes divide by 10^(trailing zeros of the size) (grids.md §2, GBIF vectors)") {
    const std::vector<std::pair<std::int64_t, std::string>> vectors = {
        {100000, "100kmE43N32"}, {10000, "10kmE432N321"},       {1000, "1kmE4321N3210"},
        {100, "100mE43210N32100"}, {250, "250mE432100N321000"}, {25, "25mE4321000N3210000"},
    };
    for (const auto& [res, text] : vectors) {
        // The cell containing (E 4 321 000, N 3 210 000): 100kmE43N32 has its
        // corner at (4 300 000, 3 200 000).
        const CellCode cell = cell_containing(4321000.0, 3210000.0, res);
        INFO(text);
        CHECK(format_cell_code(cell, CellCodeStyle::Eea) == text);
        CHECK(parse_ok(text, CellCodeStyle::Eea) == cell);
    }
    CHECK(parse_ok("100kmE43N32", CellCodeStyle::Eea) == CellCode{100000, 4300000, 3200000});
    CHECK(parse_ok("250mE432100N321000", CellCodeStyle::Eea) == CellCode{250, 4321000, 3210000});
}

TEST_CASE("GEOSTAT style uses the same divisor, N first (German Zensus 100 m ids)") {
    CHECK(parse_ok("100mN26840E43341", CellCodeStyle::Geostat) == CellCode{100, 4334100, 2684000});
    CHECK(format_cell_code({10000, 4330000, 2680000}, CellCodeStyle::Geostat) == "10kmN268E433");
}

TEST_CASE("cells containing projected points (grids.md §1 test vectors)") {
    // Paris
    CHECK(inspire(cell_containing(3760771.86, 2889484.80, 1000)) == "CRS3035RES1000mN2889000E3760000");
    CHECK(inspire(cell_containing(3760771.86, 2889484.80, 100)) == "CRS3035RES100mN2889400E3760700");
    // Berlin; the 100 m cell is derived here, not given by the spec.
    CHECK(inspire(cell_containing(4552036.45, 3273268.27, 1000)) == "CRS3035RES1000mN3273000E4552000");
    CHECK(inspire(cell_containing(4552036.45, 3273268.27, 100)) == "CRS3035RES100mN3273200E4552000");
    // A point exactly on a SW corner belongs to that cell (half-open cells).
    CHECK(inspire(cell_containing(4285000.0, 2683000.0, 1000)) == "CRS3035RES1000mN2683000E4285000");
    CHECK(cell_containing(4285000.0 - 1e-6, 2683000.0, 1000).easting == 4284000);
}

TEST_CASE("cell_containing floors negative coordinates instead of truncating") {
    CHECK(cell_containing(-0.5, -1000.0, 1000) == CellCode{1000, -1000, -1000});
    CHECK(cell_containing(-1000.5, 999.999, 1000) == CellCode{1000, -2000, 0});
    CHECK_THROWS_AS(cell_containing(1.0, 1.0, 0), std::invalid_argument);
    CHECK_THROWS_AS(cell_containing(std::nan(""), 1.0, 1000), std::invalid_argument);
    CHECK_THROWS_AS(cell_containing(1e300, 1.0, 1000), std::invalid_argument);
}

TEST_CASE("parent cells (grids.md §2)") {
    const CellCode child = parse_ok("CRS3035RES1000mN2689000E4337000", CellCodeStyle::Inspire);
    CHECK(inspire(parent_cell(child, 10000)) == "CRS3035RES10000mN2680000E4330000");
    CHECK(parent_cell(child, 1000) == child);
    CHECK(parent_cell({1000, -1000, -11000}, 10000) == CellCode{10000, -10000, -20000});
    CHECK_THROWS_AS(parent_cell(child, 2500), std::invalid_argument);
    CHECK_THROWS_AS(parent_cell(child, 0), std::invalid_argument);
    CHECK_THROWS_AS(parent_cell(child, -10000), std::invalid_argument);
}

TEST_CASE("country prefixes are stripped (grids.md §2)") {
    const CellCode cell{1000, 4334000, 2684000};
    CHECK(parse_ok("PL_CRS3035RES1000mN2684000E4334000", CellCodeStyle::Inspire) == cell);
    CHECK(parse_ok("FR_CRS3035RES1000mN2684000E4334000", CellCodeStyle::Inspire) == cell);
    CHECK(parse_ok("DE_1kmN2684E4334", CellCodeStyle::Geostat) == cell);
}

TEST_CASE("'unallocated' rows are recognised in any case (grids.md §2)") {
    for (const char* text : {"unallocated", "UNALLOCATED", "Unallocated", "AT_unallocated"}) {
        std::string why;
        const auto parsed = parse_cell_code(text, why);
        INFO(text);
        REQUIRE(parsed);
        CHECK(parsed->kind == CellCodeKind::Unallocated);
    }
}

TEST_CASE("parse(format(c, style)) == c for all styles, 25 m to 100 km") {
    const std::int64_t resolutions[] = {25, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000};
    const double points[][2] = {{0, 0}, {4321000, 3210000}, {2635012.5, 1385990.1}, {7300999, 5499999}};
    const std::pair<CellCodeStyle, const char*> styles[] = {
        {CellCodeStyle::Inspire, "inspire"}, {CellCodeStyle::Geostat, "geostat"}, {CellCodeStyle::Eea, "eea"}};
    int checked = 0;
    for (const std::int64_t res : resolutions)
        for (const auto& p : points)
            for (const auto& [style, name] : styles) {
                const CellCode cell = cell_containing(p[0], p[1], res);
                const std::string text = format_cell_code(cell, style);
                INFO(name << " " << text);
                CHECK(parse_ok(text, style) == cell);
                ++checked;
            }
    CHECK(checked == 12 * 4 * 3);
}

TEST_CASE("format_cell_code refuses cells that have no code") {
    CHECK_THROWS_AS(format_cell_code({1000, -1000, 0}, CellCodeStyle::Inspire), std::invalid_argument);
    CHECK_THROWS_AS(format_cell_code({1000, 500, 0}, CellCodeStyle::Eea), std::invalid_argument);
    CHECK_THROWS_AS(format_cell_code({0, 0, 0}, CellCodeStyle::Geostat), std::invalid_argument);
}

TEST_CASE("resolution labels") {
    CHECK(resolution_label(25) == "25m");
    CHECK(resolution_label(100) == "100m");
    CHECK(resolution_label(250) == "250m");
    CHECK(resolution_label(1000) == "1km");
    CHECK(resolution_label(10000) == "10km");
    CHECK(resolution_label(100000) == "100km");
    CHECK(resolution_label(1500) == "1500m");
    CHECK_THROWS_AS(resolution_label(0), std::invalid_argument);
}

TEST_CASE("reasons quote the code and name the problem") {
    std::string why;
    CHECK_FALSE(parse_cell_code("CRS3035RES1000mN26840E", why));
    CHECK(why == "'CRS3035RES1000mN26840E' has no easting digits");
    CHECK_FALSE(parse_cell_code("CRS4326RES1000mN2684000E4334000", why));
    CHECK_THAT(why, Catch::Contains("only EPSG:3035 grids are supported"));
    CHECK_FALSE(parse_cell_code("CRS3035RES1000mN2684500E4334000", why));
    CHECK_THAT(why, Catch::Contains("not a multiple of the 1000 m cell size"));
}

TEST_CASE("malformed codes are rejected with a reason") {
    // {code, a word the reason must contain}
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"", "empty"},
        {"PL_", "nothing after"},
        {"pl_CRS3035RES1000mN2684000E4334000", "not a grid cell code"},
        {"PL_FR_CRS3035RES1000mN2684000E4334000", "not a grid cell code"},
        {" CRS3035RES1000mN2684000E4334000", "not a grid cell code"},
        {"CRS3035RES1000mN2684000E4334000 ", "trailing"},
        {"CRS3035RES1000mN2684000E4334000x", "trailing"},
        {"unallocated ", "not a grid cell code"},
        {"CRSRES1000mN2684000E4334000", "no EPSG code digits"},
        {"CRS3035N2684000E4334000", "'RES'"},
        {"CRS3035RESmN2684000E4334000", "no resolution digits"},
        {"CRS3035RES1000N2684000E4334000", "'m'"},
        {"CRS3035RES1kmN2684000E4334000", "'m'"},
        {"CRS3035RES0mN0E0", "positive"},
        {"CRS3035RES1000mE4334000N2684000", "'N'"},
        {"CRS3035RES1000mN-2684000E4334000", "sign"},
        {"CRS3035RES1000mN2684000E+4334000", "sign"},
        {"CRS3035RES1000mN99999999999999999999E4334000", "too large"},
        {"1kmN2684", "'E'"},
        {"1kmN2684E", "no easting digits"},
        {"1kmE4334N", "no northing digits"},
        {"1kmX2684E4334", "'N' or 'E'"},
        {"1kmn2684e4334", "'N' or 'E'"},
        {"1N2684E4334", "unit"},
        {"kmN2684E4334", "not a grid cell code"},
        {"0kmN0E0", "positive"},
        {"1kmN2684E4334N5", "trailing"},
        {"250mE432105N321000", "not a multiple"},
        {"9223372036854775807kmN1E1", "too large"},
        {"1kmN9223372036854775807E1", "too large"},
        // Scale errors: metres in a short code, or km where the divisor is 10 km.
        {"100mN2030300E3159400", "outside"},
        {"10kmN2680E4330", "outside"},
    };
    for (const auto& [text, word] : bad) {
        std::string why;
        const auto parsed = parse_cell_code(text, why);
        INFO("'" << text << "' -> " << why);
        CHECK_FALSE(parsed);
        CHECK_THAT(why, Catch::Contains(word));
    }
}

TEST_CASE("parse_cell_code_or_throw says where") {
    const regio::Where where{"grid.csv", {}, 12, {}, "GRD_ID"};
    CHECK(parse_cell_code_or_throw("1kmE4334N2684", where).code == CellCode{1000, 4334000, 2684000});
    CHECK_THROWS_WITH(parse_cell_code_or_throw("1kmE4334", where),
                      "grid.csv: line 12: field 'GRD_ID': bad grid cell code: '1kmE4334' expected 'N' after the easting");
    CHECK_THROWS_AS(parse_cell_code_or_throw("x", where), regio::DataError);
}

}  // namespace cell_code_test
