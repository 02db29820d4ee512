// Bad input to `regio map`: the right exit code and message, nothing left behind.
// The fixtures and what they hold: map_cli_fixtures.hpp.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_bad_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::map_cli;

// ---------------------------------------------------------------------------
// 6. Bad inputs: the right exit code and message, nothing left behind.
TEST_CASE("map: bad inputs", "[cli][map][errors]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path svg = out / "map.svg";

    SECTION("unknown palette: usage error listing the palettes") {
        const auto r = expect_failure(map_cmd("rate", svg, {"--palette", "Nope"}), 2, "unknown palette 'Nope'", out);
        CHECK_THAT(r.err, Contains("available palettes: Blues, Greens,"));
        CHECK_THAT(r.err, Contains("viridis, magma, inferno, plasma, cividis"));
    }
    SECTION("number of classes the palette does not have") {
        const auto r = expect_failure(map_cmd("rate", svg, {"--palette", "Blues", "--classes", "10"}), 2,
                                      "palette 'Blues' has no 10-class colours", out);
        CHECK_THAT(r.err, Contains("valid numbers of classes: 3, 4, 5, 6, 7, 8, 9"));
        expect_failure(map_cmd("rate", svg, {"--palette", "Set2", "--classes", "9"}), 2, "palette 'Set2' has no 9-class colours", out);
    }
    SECTION("a sequential palette cannot be centred") {
        expect_failure(map_cmd("rate", svg, {"--palette", "YlOrRd", "--center", "0"}), 2, "is not diverging", out);
    }
    SECTION("unknown method") {
        const auto r = expect_failure(map_cmd("rate", svg, {"--method", "foo"}), 2, "unknown classification method 'foo'", out);
        CHECK_THAT(r.err, Contains("fisher-jenks"));
    }
    SECTION("manual breaks not ascending") {
        expect_failure(map_cmd("rate", svg, {"--breaks", "5,0,10"}), 2, "breaks must be ascending", out);
    }
    SECTION("output not .svg, --gpkg not .gpkg") {
        expect_failure(map_cmd("rate", out / "map.png"), 2, "name it .svg", out);
        expect_failure(map_cmd("rate", svg, {"--gpkg", (out / "map.shp").string()}), 2, "--gpkg must name a .gpkg file", out);
    }
    SECTION("missing field, missing id field, text field, missing column of --data") {
        expect_failure(map_cmd("nope", svg), 1, "field 'nope': no such field (fields: code, name, rate)", out);
        expect_failure(map_cmd("name", svg), 1, "is not a number", out);
        expect_failure({"map", "--layer", data("map_regions.geojson"), "--id", "nope", "--field", "rate", "-o", svg.string()}, 1,
                       "field 'nope'", out);
        expect_failure(map_cmd("gap2", svg, {"--data", data("map_table.csv"), "--data-id", "code"}), 1, "no column 'gap2'", out);
        expect_failure(map_cmd("gap", svg, {"--data", data("map_table.csv"), "--data-id", "nope"}), 1, "no column 'nope'", out);
        expect_failure(map_cmd("gap", svg, {"--data", data("map_table.csv")}), 2, "--data needs --data-id", out);
    }
    SECTION("bad style files name the file and the key") {
        auto r = expect_failure(map_cmd("rate", svg, {"--style", data("map_style_bad_key.toml")}), 1, "unknown key 'border_colour'", out);
        CHECK_THAT(r.err, Contains("map_style_bad_key.toml: line 3"));
        r = expect_failure(map_cmd("rate", svg, {"--style", data("map_style_bad_type.toml")}), 1,
                           "'classes' must be an integer from 1 to 20", out);
        CHECK_THAT(r.err, Contains("map_style_bad_type.toml"));
        r = expect_failure(map_cmd("rate", svg, {"--style", data("map_style_bad_colour.toml")}), 1, "'grey' is not a colour", out);
        CHECK_THAT(r.err, Contains("map_style_bad_colour.toml"));
        expect_failure(map_cmd("rate", svg, {"--style", data("no_such_style.toml")}), 1, "no such style file", out);
    }
    SECTION("--extent with 3 numbers or an empty box") {
        expect_failure(map_cmd("rate", svg, {"--extent", "4000000,3000000,4002000"}), 2, "--extent takes xmin,ymin,xmax,ymax", out);
        expect_failure(map_cmd("rate", svg, {"--extent", "4002000,3000000,4000000,3002000"}), 2, "--extent takes xmin,ymin,xmax,ymax",
                       out);
    }
    SECTION("existing outputs without --overwrite") {
        write_file(svg, "old");
        const auto r = expect_failure(map_cmd("rate", svg), 2, "exists", out, Names{"map.svg"});
        CHECK_THAT(r.err, Contains("--overwrite"));
        CHECK(read_file(svg) == "old");
        // An existing --gpkg stops the run before the SVG is written.
        write_file(out / "map.gpkg", "old");
        expect_failure(map_cmd("rate", out / "new.svg", {"--gpkg", (out / "map.gpkg").string()}), 2, "exists", out,
                       Names{"map.gpkg", "map.svg"});
        CHECK(read_file(out / "map.gpkg") == "old");
    }
}

}  // namespace map_bad_cli_test
