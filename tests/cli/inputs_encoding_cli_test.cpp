// Issue #12, text encoding: inputs are read as UTF-8; text that is not is an
// error naming file, line (or feature) and field, or is transcoded when its
// encoding is known (a shapefile's .cpg, which GDAL applies) or named with
// --encoding. No output ever holds invalid UTF-8.
#include "aggregate_points_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace inputs_encoding_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::points_cli;

namespace {

// Points with a group in ISO-8859-1: "Genève" with the single byte 0xE8.
const std::string kLatin1Points = "id,x,y,group\np1,4000250,3000250,Zurich\np2,4000300,3001000,Gen\xE8ve\n";

// One region whose id is "Genève" (UTF-8), covering region A of regions_abc.
const std::string kGenevaRegion = R"({"type": "FeatureCollection", "name": "r",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3035"}},
"features": [{"type": "Feature", "properties": {"region_id": "Gen\u00e8ve"},
"geometry": {"type": "Polygon", "coordinates": [[[4000000, 3000000], [4001000, 3000000], [4001000, 3001000], [4000000, 3001000], [4000000, 3000000]]]}}]})";

}  // namespace

TEST_CASE("encoding: a CSV group value that is not UTF-8 is an error naming line and field", "[cli][encoding]") {
    TempDir tmp;
    write_file(tmp / "p.csv", kLatin1Points);
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(
        csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), out_dir / "r.gpkg", {"--by", "group"}), 1,
        (tmp / "p.csv").string() + ": line 3: field 'group': invalid UTF-8 (byte 0xE8 after 'Gen')", out_dir);
    CHECK_THAT(r.err, Contains("hint: name the file's encoding, e.g. --encoding ISO-8859-1"));
}

TEST_CASE("encoding: --encoding transcodes CSV text to UTF-8", "[cli][encoding]") {
    TempDir tmp;
    write_file(tmp / "p.csv", kLatin1Points);
    const std::string out = run_and_read(
        csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), tmp / "r.csv", {"--by", "group", "--encoding", "ISO-8859-1"}),
        tmp / "r.csv");
    CHECK(out.substr(0, out.find('\n')) == "region_id,count,count_Gen\xC3\xA8ve,count_Zurich");
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), out_dir / "r.csv", {"--encoding", "NO-SUCH-CODE"}),
                   2, "--encoding 'NO-SUCH-CODE' is not an encoding GDAL can read", out_dir);
}

TEST_CASE("encoding: a table cell that is not UTF-8 is an error naming line and column", "[cli][encoding]") {
    TempDir tmp;
    write_file(tmp / "t.csv", "code,name,rate\nA,Altstadt,1\nB,K\xF6penick,2\nC,Mitte,3\n");
    const fs::path out_dir = tmp.subdir("out");
    expect_failure({"classify", "--data", (tmp / "t.csv").string(), "--field", "rate", "-o", (out_dir / "b.json").string()}, 1,
                   (tmp / "t.csv").string() + ": line 3: field 'name': invalid UTF-8 (byte 0xF6 after 'K')", out_dir);
    expect_failure({"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "rate", "--data",
                    (tmp / "t.csv").string(), "--data-id", "code", "-o", (out_dir / "m.svg").string()},
                   1, (tmp / "t.csv").string() + ": line 3: field 'name': invalid UTF-8", out_dir);
    // Named, it is read.
    const std::string json = run_and_read({"classify", "--data", (tmp / "t.csv").string(), "--field", "rate", "--classes", "3",
                                           "--encoding", "CP1252", "-o", (tmp / "b.json").string()},
                                          tmp / "b.json");
    CHECK_THAT(json, Contains("\"k\": 3"));
}

TEST_CASE("encoding: a NUL byte in a text field is an error naming line and column", "[cli][encoding]") {
    TempDir tmp;
    write_file(tmp / "t.csv", std::string("code,name,rate\nA,Alt\0stadt,1\n", 29));
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure({"classify", "--data", (tmp / "t.csv").string(), "--field", "rate", "-o", (out_dir / "b.json").string()},
                                       1, (tmp / "t.csv").string() + ": line 2: field 'name': holds a NUL byte (0x00)", out_dir);
    CHECK_THAT(r.err, Contains("hint: the file may be binary or UTF-16"));
}

TEST_CASE("encoding: a UTF-16 file gets a hint that helps", "[cli][encoding]") {
    TempDir tmp;
    write_file(tmp / "p.csv", std::string("\xFF\xFEi\0d\0", 6));
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), out_dir / "r.csv"), 1,
                                       (tmp / "p.csv").string() + ": the file is UTF-16", out_dir);
    CHECK_THAT(r.err, Contains("hint: convert it, e.g. iconv -f UTF-16 -t UTF-8"));
}

TEST_CASE("encoding: region ids from a shapefile, with and without its .cpg", "[cli][encoding][shapefile]") {
    TempDir tmp;
    write_file(tmp / "r.geojson", kGenevaRegion);
    const fs::path shp = tmp / "r.shp";
    if (!ogr2ogr({"-f", "ESRI Shapefile", "-lco", "ENCODING=ISO-8859-1", shp.string(), (tmp / "r.geojson").string()})) return;
    const std::string points = data("points_edges.csv");
    SECTION("the .cpg names the encoding: GDAL transcodes, the output is UTF-8") {
        REQUIRE(fs::exists(tmp / "r.cpg"));
        const std::string out = run_and_read(csv_cmd(shp.string(), points, tmp / "o.csv"), tmp / "o.csv");
        CHECK(out.starts_with("region_id,count\nGen\xC3\xA8ve,"));
    }
    SECTION("without .cpg nor code page: an error naming feature and field, or --encoding") {
        fs::remove(tmp / "r.cpg");
        // The DBF header's language driver id (byte 29) would name the code page: clear it.
        std::string dbf = read_file(tmp / "r.dbf");
        dbf[29] = '\0';
        write_file(tmp / "r.dbf", dbf);
        const fs::path out_dir = tmp.subdir("out");
        const RunResult r = expect_failure(csv_cmd(shp.string(), points, out_dir / "o.gpkg"), 1,
                                           shp.string() + ":r: feature 0: field 'region_id': invalid UTF-8 (byte 0xE8 after 'Gen')",
                                           out_dir);
        CHECK_THAT(r.err, Contains("hint: the layer does not say its encoding: name it with --encoding"));
        const std::string out =
            run_and_read(csv_cmd(shp.string(), points, tmp / "o.csv", {"--encoding", "ISO-8859-1"}), tmp / "o.csv");
        CHECK(out.starts_with("region_id,count\nGen\xC3\xA8ve,"));
    }
}

}  // namespace inputs_encoding_cli_test
