// End-to-end tests of `regio run`: the demo pipeline (the README's main job)
// on freshly generated demo data, its manifest's conservation figures, and
// pipelines with problems that must stop before any step runs.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace run_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

const fs::path kSource = fs::path(REGIO_TEST_DATA).parent_path().parent_path();

std::optional<fs::path> demo_generator() {
    const fs::path generator = fs::path(REGIO_BINARY).parent_path() / "regio-make-demo";
    if (!fs::exists(generator)) {
        WARN("regio-make-demo is not built: skipped");
        return std::nullopt;
    }
    return generator;
}

// The shipped demo pipeline, with its paths pointed at `demo` (generated
// data) and at the source tree (styles, indicator definitions).
std::string demo_pipeline(const fs::path& demo) {
    std::string text = read_file(kSource / "geodata" / "demo" / "pipeline.toml");
    text = std::regex_replace(text, std::regex("\"geodata/demo/indicators.toml\""),
                              "\"" + (kSource / "geodata" / "demo" / "indicators.toml").string() + "\"");
    text = std::regex_replace(text, std::regex("\"geodata/demo/"), "\"" + demo.string() + "/");
    text = std::regex_replace(text, std::regex("\"styles/"), "\"" + (kSource / "styles").string() + "/");
    return text;
}

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("run: the demo pipeline end to end, with its manifest", "[cli][run]") {
    const auto generator = demo_generator();
    if (!generator) return;
    TempDir tmp;
    const fs::path demo = tmp.subdir("demo");
    REQUIRE(run_program(generator->string(), {"--out", demo.string()}).exit_code == 0);
    write_file(tmp / "pipeline.toml", demo_pipeline(demo));

    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--out", out.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* file : {"residents_2023_on_districts_2023.csv", "crosswalk_2023_2024.csv", "changes_2023_2024.csv",
                             "residents_2023_on_districts_2024.csv", "indicators_2024.csv", "map_share_non_eu.svg",
                             "map_share_non_eu.gpkg", "map_employment_gap_non_eu.svg", "manifest.json", "timings.json"})
        CHECK(fs::exists(out / file));

    // The manifest's conservation figures: every record accounted for, the
    // carried totals preserved, every step succeeded.
    const auto manifest = read_json(out / "manifest.json");
    REQUIRE(manifest["steps"].size() == 7);  // the last is the atlas
    CHECK(fs::exists(out / "atlas" / "index.html"));
    for (const auto& step : manifest["steps"]) CHECK(step["exit_code"] == 0);
    const auto& points = manifest["steps"][0]["report"]["points"];
    CHECK(points["conserved"] == true);
    CHECK(points["read"].get<long>() == points["assigned"].get<long>() + points["outside"].get<long>() + points["invalid"].get<long>());
    CHECK(points["invalid"] == 20);   // the generator plants 20 bad rows
    CHECK(points["outside"] == 30);   // and 30 addresses outside the city
    for (const auto& [column, totals] : manifest["steps"][2]["report"]["totals"].items()) {
        INFO(column);
        CHECK(totals["preserved"] == true);
    }
    CHECK(manifest["inputs"].size() >= 4);
    for (const auto& input : manifest["inputs"]) CHECK(input["sha256"].get<std::string>().size() == 64);

    // A second run with unchanged inputs gives identical outputs and manifest.
    const std::string first_map = read_file(out / "map_share_non_eu.svg");
    const std::string first_indicators = read_file(out / "indicators_2024.csv");
    const std::string first_manifest = read_file(out / "manifest.json");
    REQUIRE(run_regio({"run", (tmp / "pipeline.toml").string(), "--out", out.string(), "--quiet"}).exit_code == 0);
    CHECK(read_file(out / "map_share_non_eu.svg") == first_map);
    CHECK(read_file(out / "indicators_2024.csv") == first_indicators);
    CHECK(read_file(out / "manifest.json") == first_manifest);
}

TEST_CASE("run: an error in the last step stops the pipeline before the first step runs", "[cli][run]") {
    TempDir tmp;
    const fs::path out = tmp / "out";
    write_file(tmp / "bad.toml", R"([pipeline]
name = "broken"

[[step]]
name = "counts"
run = "aggregate points"
[step.args]
regions = ")" + data("regions_abc.geojson") + R"("
id = "region_id"
points = ")" + data("points_edges.csv") + R"("
points-crs = "EPSG:3035"
output = "counts.csv"

[[step]]
name = "map"
run = "map"
[step.args]
layer = "/nonexistent/regions.gpkg"
id = "region_id"
field = "count"
data = "@counts"
data-id = "region_id"
output = "map.svg"
)");
    const RunResult r = run_regio({"run", (tmp / "bad.toml").string(), "--out", out.string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("step map") && Contains("/nonexistent/regions.gpkg") && Contains("nothing was run"));
    CHECK(!fs::exists(out / "counts.csv"));
}

TEST_CASE("run: every problem of a pipeline file is reported at once", "[cli][run]") {
    TempDir tmp;
    write_file(tmp / "bad.toml", R"([[step]]
name = "a"
run = "crosswalk apply"
[step.args]
data = "@b"
output = "x.csv"

[[step]]
name = "a"
run = "teleport"
[step.args]
output = "x.csv"
)");
    const RunResult r = run_regio({"run", (tmp / "bad.toml").string(), "--out", (tmp / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("refers to 'b', which is not an earlier step"));
    CHECK_THAT(r.err, Contains("the name 'a' is used twice"));
    CHECK_THAT(r.err, Contains("unknown command 'teleport'"));
    CHECK_THAT(r.err, Contains("is also written by step a"));
    CHECK(!fs::exists(tmp / "out"));
}

TEST_CASE("run: --dry-run prints the resolved commands and runs nothing", "[cli][run]") {
    const auto generator = demo_generator();
    if (!generator) return;
    TempDir tmp;
    const fs::path demo = tmp.subdir("demo");
    write_file(tmp / "pipeline.toml", demo_pipeline(demo));
    // Inputs must exist for the check: generate them.
    REQUIRE(run_program(generator->string(), {"--out", demo.string()}).exit_code == 0);
    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--out", out.string(), "--dry-run"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("residents_2023: regio aggregate points"));
    CHECK_THAT(r.out, Contains("--data " + (out / "residents_2023_on_districts_2023.csv").string()));
    CHECK(list_dir(out).empty());
}

TEST_CASE("run: missing fields and columns in the last step are found before the first step runs", "[cli][run]") {
    TempDir tmp;
    const fs::path out = tmp / "out";
    write_file(tmp / "fields.toml", R"([[step]]
name = "counts"
run = "aggregate points"
[step.args]
regions = ")" + data("regions_abc.geojson") + R"("
id = "region_id"
points = ")" + data("points_edges.csv") + R"("
points-crs = "EPSG:3035"
output = "counts.csv"

[[step]]
name = "map"
run = "map"
[step.args]
layer = ")" + data("regions_abc.geojson") + R"("
id = "district_code"
field = "no_such_value"
data = ")" + data("map_table.csv") + R"("
data-id = "region_id"
output = "map.svg"
)");
    const RunResult r = run_regio({"run", (tmp / "fields.toml").string(), "--out", out.string()});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("step map") && Contains("nothing was run"));
    CHECK_THAT(r.err, Contains("field 'district_code'") && Contains("region_id"));  // the layer's fields are listed
    CHECK_THAT(r.err, Contains("column 'no_such_value'") && Contains("map_table.csv"));
    CHECK_THAT(r.err, !Contains("step counts"));
    CHECK(!fs::exists(out / "counts.csv"));
}

TEST_CASE("run: a regions layer without a CRS is reported before anything runs", "[cli][run]") {
    TempDir tmp;
    const fs::path out = tmp / "out";
    write_file(tmp / "nocrs.toml", R"([[step]]
name = "counts"
run = "aggregate points"
[step.args]
regions = ")" + data("regions_nocrs.csv") + R"("
id = "region_id"
points = ")" + data("points_edges.csv") + R"("
points-crs = "EPSG:3035"
x = "not_x"
output = "counts.csv"
)");
    const RunResult r = run_regio({"run", (tmp / "nocrs.toml").string(), "--out", out.string()});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("step counts") && Contains("regions_nocrs.csv") && Contains("has no CRS"));
    CHECK_THAT(r.err, Contains("column 'not_x'"));  // every problem at once
    CHECK_THAT(r.err, Contains("2 problem(s); nothing was run"));
    CHECK(!fs::exists(out / "counts.csv"));
}

}  // namespace run_cli_test
