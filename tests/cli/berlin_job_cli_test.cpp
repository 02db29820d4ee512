// The README's main job end to end: geodata/berlin/pipeline.toml on the
// committed Berlin extract (no ../shared needed), with freshly generated
// synthetic address records. Checks every record accounted for, the carried
// totals preserved, the exact validation table (golden file) and its line in
// the run summary, and that a second run gives identical files.
#include "pipeline_fixtures.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace berlin_job_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

const fs::path kSource = fs::path(REGIO_TEST_DATA).parent_path().parent_path();

// The shipped pipeline with its inputs pointed at the source tree and the
// generated records at `records`.
std::string berlin_pipeline(const fs::path& records) {
    std::string text = read_file(kSource / "geodata" / "berlin" / "pipeline.toml");
    text = std::regex_replace(text, std::regex("\"geodata/berlin/addresses_2020.csv\""), "\"" + records.string() + "\"");
    text = std::regex_replace(text, std::regex("\"geodata/berlin/"), "\"" + (kSource / "geodata" / "berlin").string() + "/");
    text = std::regex_replace(text, std::regex("\"styles/"), "\"" + (kSource / "styles").string() + "/");
    return text;
}

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

const nlohmann::json& step_named(const nlohmann::json& manifest, const std::string& name) {
    for (const auto& step : manifest["steps"])
        if (step["name"] == name) return step;
    FAIL("no step " << name << " in the manifest");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("berlin: the main job on the committed extract, validated exactly", "[cli][run][berlin]") {
    TempDir tmp;
    const fs::path records = tmp / "addresses_2020.csv";
    RunResult made;
    if (!make_berlin_records(records, &made)) return;
    CHECK_THAT(made.err, Contains("3769962 residents in 448 planning areas"));
    write_file(tmp / "pipeline.toml", berlin_pipeline(records));

    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--out", out.string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);

    // The validation table, exactly; and its line at the end of the run.
    CHECK(read_file(out / "validation_2020_vs_2021-06.csv") == read_file(expected("berlin_validation.csv")));
    const auto line = line_starting_with(r.err, "validation on 58 regions:");
    REQUIRE(line);
    CHECK_THAT(*line, Contains("crosswalk median APE") && Contains("records median APE") && Contains("12 unchanged parents exact"));

    const auto manifest = read_json(out / "manifest.json");
    for (const auto& step : manifest["steps"]) CHECK(step["exit_code"] == 0);
    // Every record accounted for: all inside the 2021 forecast areas.
    const auto& points = step_named(manifest, "records_on_2021")["report"]["points"];
    CHECK(points["conserved"] == true);
    CHECK(points["read"] == points["assigned"]);
    CHECK(points["invalid"] == 0);
    CHECK(points["outside"] == 0);
    // The carried register: every column's total preserved.
    for (const auto& [column, totals] : step_named(manifest, "register_on_2021")["report"]["totals"].items()) {
        INFO(column);
        CHECK(totals["preserved"] == true);
    }
    const auto& inhabitants = step_named(manifest, "register_on_2021")["report"]["totals"]["inhabitants"];
    CHECK(inhabitants["before"] == 3769962);
    // The exact check on the 12 districts held for both estimates.
    const auto& parents = step_named(manifest, "validation")["report"]["parents"];
    CHECK(parents["exact"] == true);
    CHECK(parents["checks"].size() == 2 * 12);

    for (const char* file : {"crosswalk_forecast_areas_2020_2021.csv", "changes_forecast_areas_2020_2021.csv",
                             "indicators_citizenship_2020-12.csv", "indicators_origin_2021-06.csv", "map_foreigners_2020-12.svg",
                             "map_foreigners_2020-12.gpkg", "map_migration_background_2020-12.svg", "map_foreigners_change.svg"})
        CHECK(fs::exists(out / file));

    // Deterministic: a second run gives the same files and manifest (not
    // --quiet, which the manifest's command lines would record).
    const std::string first_map = read_file(out / "map_foreigners_2020-12.svg");
    const std::string first_manifest = read_file(out / "manifest.json");
    REQUIRE(run_regio({"run", (tmp / "pipeline.toml").string(), "--out", out.string()}).exit_code == 0);
    CHECK(read_file(out / "map_foreigners_2020-12.svg") == first_map);
    CHECK(read_file(out / "manifest.json") == first_manifest);
}

}  // namespace berlin_job_cli_test
