// `regio segregation` on bad input: one clear line naming file, line and
// column, exit 1 for data and 2 for usage, and nothing left behind.
#include "cli_checks.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace segregation_bad_cli_test {

using namespace regio_test;

namespace {

using Args = std::vector<std::string>;

const char* const kHeader = "unit,a,b,c,total,district\n";

// A copy of example 2 with `row3` as the third data row (line 4).
fs::path table_with(const TempDir& tmp, const std::string& row3) {
    const fs::path path = tmp / "table.csv";
    write_file(path, std::string(kHeader) + "u1,30,10,0,40,d1\nu2,10,20,10,40,d1\n" + row3 + "\nu4,20,20,20,60,d2\n");
    return path;
}

Args command(const fs::path& table, const fs::path& out_dir, const Args& extra) {
    Args args{"segregation", "--data", table.string(), "--id", "unit", "-o", (out_dir / "out.csv").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

const Args kPartition{"--group", "a,b,c"};
const Args kOneGroup{"--group", "a", "--total", "total"};

// Example 2 with `row3` as line 4 fails with exit 1 and `message`, leaving nothing behind.
void expect_bad_row(const std::string& row3, const Args& extra, const std::string& message) {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    expect_failure(command(table_with(tmp, row3), out, extra), 1, message, out);
}

}  // namespace

TEST_CASE("segregation bad input: a negative count", "[cli][segregation]") {
    expect_bad_row("u3,0,-10,40,30,d2", kPartition,
                   "table.csv: line 4: field 'b': unit 'u3' has a negative count (-10)");
}

TEST_CASE("segregation bad input: a count that is not a number", "[cli][segregation]") {
    expect_bad_row("u3,0,ten,40,50,d2", kPartition,
                   "table.csv: line 4: field 'b': value 'ten' is not a number");
}

TEST_CASE("segregation bad input: an empty count", "[cli][segregation]") {
    expect_bad_row("u3,,10,40,50,d2", kPartition,
                   "line 4: field 'a': unit 'u3' has no count");
}

TEST_CASE("segregation bad input: a group above the total", "[cli][segregation]") {
    expect_bad_row("u3,60,10,40,50,d2", kOneGroup,
                   "line 4: field 'a': unit 'u3': group 'a' = 60 is more than the total 'total' = 50");
}

TEST_CASE("segregation bad input: a group absent everywhere", "[cli][segregation]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path path = tmp / "absent.csv";
    write_file(path, std::string(kHeader) + "u1,0,10,0,10,d1\nu2,0,20,10,30,d1\nu3,0,10,40,50,d2\n");
    expect_failure(command(path, out, kPartition), 1, "field 'a': group 'a' is 0 in every unit: its indices are undefined", out);
}

TEST_CASE("segregation bad input: groups that do not partition the total", "[cli][segregation]") {
    expect_bad_row("u3,0,10,35,50,d2", {"--group", "a,b,c", "--total", "total"},
                   "line 4: field 'total': unit 'u3': the groups do not partition the total: a + b + c = 45 but 'total' = 50 (5 missing)");
}

TEST_CASE("segregation bad input: a duplicate unit id", "[cli][segregation]") {
    expect_bad_row("u1,0,10,40,50,d2", kPartition,
                   "line 4: field 'unit': unit id 'u1' occurs twice (also on line 2)");
}

TEST_CASE("segregation bad input: an id missing from the geometry", "[cli][segregation]") {
    expect_bad_row("u9,0,10,40,50,d2", {"--group", "a,b,c", "--regions", data("segregation_regions.geojson")},
                   "line 4: field 'unit': unit 'u9' is not in the regions");
}

TEST_CASE("segregation bad input: a malformed grid cell code", "[cli][segregation]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path path = tmp / "cells.csv";
    write_file(path, "cell,A,B\nCRS3035RES100mN3200200E4500000,40,0\nCRS3035RES100mN32002E,30,10\n");
    expect_failure(Args{"segregation", "--data", path.string(), "--id", "cell", "--group", "A,B", "--grid-codes", "-o", (out / "o.csv").string()},
                   1, "cells.csv: line 3: field 'cell': bad grid cell code", out);
}

TEST_CASE("segregation bad input: bandwidths on regions in degrees", "[cli][segregation]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path regions = tmp / "lonlat.geojson";
    write_file(regions, R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"unit": "u1"}, "geometry": {"type": "Polygon", "coordinates": [[[13.0, 52.0], [13.1, 52.0], [13.1, 52.1], [13.0, 52.0]]]}},
{"type": "Feature", "properties": {"unit": "u2"}, "geometry": {"type": "Polygon", "coordinates": [[[13.1, 52.0], [13.2, 52.0], [13.2, 52.1], [13.1, 52.0]]]}},
{"type": "Feature", "properties": {"unit": "u3"}, "geometry": {"type": "Polygon", "coordinates": [[[13.2, 52.0], [13.3, 52.0], [13.3, 52.1], [13.2, 52.0]]]}},
{"type": "Feature", "properties": {"unit": "u4"}, "geometry": {"type": "Polygon", "coordinates": [[[13.3, 52.0], [13.4, 52.0], [13.4, 52.1], [13.3, 52.0]]]}}]})");
    const RunResult r = expect_failure(command(data("segregation_example2.csv"), out, {"--group", "a,b,c", "--regions", regions.string(), "--bandwidth", "500"}),
                                       1, "(degrees): bandwidths need distances in a projected CRS", out);
    CHECK(r.err.find("hint: reproject them") != std::string::npos);
}

TEST_CASE("segregation bad usage: exit 2 before any work", "[cli][segregation]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const std::string table = data("segregation_example2.csv");
    expect_failure(command(table, out, {"--group", "a"}), 2, "one --group needs --total", out);
    expect_failure(command(table, out, {"--group", "a,b,c", "--scales", "2"}), 2, "--scales aggregates grid cells: it needs --grid-codes", out);
    expect_failure(command(table, out, {"--group", "a,b,c", "--bandwidth", "500"}), 2, "--bandwidth needs the units' places", out);
    expect_failure(command(table, out, {"--group", "a", "--total", "total", "--index", "mutual_information"}), 2,
                   "--index mutual_information needs several --group columns", out);
    expect_failure(command(table, out, {"--group", "a,b,c", "--index", "theil"}), 2, "--index: unknown index 'theil'", out);
    expect_failure(command(table, out, {"--group", "a,b,c", "--local", (out / "local.gpkg").string()}), 2, "a GeoPackage needs the units' geometry",
                   out);
    write_file(out / "out.csv", "keep\n");
    expect_failure(command(table, out, {"--group", "a,b,c"}), 2, "out.csv", out, {"out.csv"});
    CHECK(read_file(out / "out.csv") == "keep\n");
}

TEST_CASE("segregation bad input: fractional counts cannot be simulated", "[cli][segregation]") {
    expect_bad_row("u3,0.5,10,40,50.5,d2", {"--group", "a,b,c", "--simulations", "9"},
                   "line 4: field 'a': unit 'u3': count 0.5 is not a whole number of people");
}

}  // namespace segregation_bad_cli_test
