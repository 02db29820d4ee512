// `regio run` re-runs (issue #18, item 1): a newcomer's pipeline on the
// committed Berlin extract (indicators -> map -> crosswalk build -> apply ->
// indicators -> map -> degurba) run twice: the second run succeeds and its
// manifest is byte-identical. Also: every step gets --overwrite, --report and
// --quiet from the runner when its command takes them; a failed step records
// its error and no outputs; --dry-run prints commands a shell can run; the
// pre-run check accepts --intensive COLUMN:DENOMINATOR.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace run_rerun_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

const fs::path kSource = fs::path(REGIO_TEST_DATA).parent_path().parent_path();

std::string berlin(const std::string& name) { return (kSource / "geodata" / "berlin" / name).string(); }

// A map step of the share of foreign citizens.
std::string map_step(const std::string& name, const std::string& layer, const std::string& data, const std::string& title,
                     const std::string& output) {
    return R"([[step]]
name = ")" + name + R"("
run = "map"
[step.args]
layer = ")" + layer + R"("
id = "id"
name = "name"
data = ")" + data + R"("
data-id = "region"
field = "value"
where = ["indicator=share_of_residents", "group=foreigners"]
style = ")" + (kSource / "styles" / "rate.toml").string() + R"("
title = ")" + title + R"("
source = "Source: Amt für Statistik Berlin-Brandenburg, CC BY 3.0 DE"
output = ")" + output + R"("

)";
}

// The pipeline tried in issue #18, on the committed extract.
std::string newcomer_pipeline() {
    const std::string lor = berlin("lor_3035.gpkg");
    return R"([pipeline]
name = "Berlin: a newcomer's first hour"

[[step]]
name = "foreigners_2020"
run = "indicators"
[step.args]
data = ")" + berlin("register_2020-12_planning-areas.csv") + R"("
id = "id"
definitions = ")" + berlin("indicators_citizenship.toml") + R"("
output = "foreigners_planning_areas_2020.csv"

)" + map_step("map_2020", lor + ":plr_until2020", "@foreigners_2020", "Berlin's foreign citizens, 31.12.2020", "foreigners_planning_areas_2020.svg") + R"([[step]]
name = "crosswalk"
run = "crosswalk build"
[step.args]
from = ")" + lor + R"(:pgr_until2020"
from-id = "id"
to = ")" + lor + R"(:pgr_from2021"
to-id = "id"
weights = ")" + berlin("pop_1km_2018.tif") + R"("
output = "crosswalk.csv"

[[step]]
name = "register_2021"
run = "crosswalk apply"
[step.args]
crosswalk = "@crosswalk"
data = ")" + berlin("register_2020-12_forecast-areas.csv") + R"("
id = "id"
extensive = ["inhabitants", "inhabitants_foreigners", "inhabitants_germans"]
output = "register_2020_on_2021.csv"

[[step]]
name = "foreigners_2021"
run = "indicators"
[step.args]
data = "@register_2021"
id = "id"
definitions = ")" + berlin("indicators_citizenship.toml") + R"("
output = "foreigners_forecast_areas_2021.csv"

)" + map_step("map_2021", lor + ":pgr_from2021", "@foreigners_2021", "Foreign citizens on the 2021 forecast areas", "foreigners_forecast_areas_2021.svg") + R"([[step]]
name = "degurba"
run = "degurba"
[step.args]
grid = ")" + berlin("pop_1km_2018.tif") + R"("
units = ")" + lor + R"(:districts"
unit-id = "id"
output = "degurba_cells.tif"
units-out = "degurba_districts.csv"
)";
}

nlohmann::json parse(const std::string& text) { return nlohmann::json::parse(text); }

}  // namespace

TEST_CASE("run: the newcomer's Berlin pipeline re-runs with a byte-identical manifest", "[cli][run][berlin]") {
    TempDir tmp;
    write_file(tmp / "pipeline.toml", newcomer_pipeline());
    const fs::path out = tmp / "out";
    const std::vector<std::string> command = {"run", (tmp / "pipeline.toml").string(), "--out", out.string()};
    const RunResult first = run_regio(command);
    INFO("stderr: " << first.err);
    REQUIRE(first.exit_code == 0);
    const std::string manifest_text = read_file(out / "manifest.json");
    const auto manifest = parse(manifest_text);
    REQUIRE(manifest["steps"].size() == 7);
    for (const auto& step : manifest["steps"]) {
        INFO(step["name"]);
        CHECK(step["exit_code"] == 0);
        const auto& args = step["command"];
        // Every step gets --overwrite; the commands that write a report get one, without timings in the manifest.
        CHECK(std::find(args.begin(), args.end(), "--overwrite") != args.end());
        // Map steps too (issue #18 item 1: they had none).
        CHECK(std::find(args.begin(), args.end(), "--report") != args.end());
        REQUIRE(step.contains("report"));
        CHECK(!step["report"].contains("timings"));
        // No report is hashed (reports carry timings).
        for (const auto& output : step["outputs"]) CHECK(!output["path"].get<std::string>().ends_with(".report.json"));
    }
    CHECK(manifest["steps"][3]["report"]["weight"] == "population");  // the crosswalk's weights, by default (item 3)
    CHECK(fs::exists(out / "degurba.report.json"));
    CHECK(manifest["steps"][1]["report"]["command"] == "map");
    CHECK(fs::exists(out / "timings.json"));

    // The second run (which replaces the first run's outputs) succeeds, quietly, with the identical manifest.
    std::vector<std::string> quiet = command;
    quiet.push_back("--quiet");
    const RunResult second = run_regio(quiet);
    INFO("second stderr: " << second.err);
    REQUIRE(second.exit_code == 0);
    CHECK(second.err.empty());
    CHECK(second.out.empty());
    CHECK(read_file(out / "manifest.json") == manifest_text);
}

TEST_CASE("run: a failed step records its error and no outputs, not the previous run's", "[cli][run]") {
    TempDir tmp;
    const std::string step = R"([[step]]
name = "foreigners"
run = "indicators"
[step.args]
data = ")" + berlin("register_2020-12_planning-areas.csv") + R"("
id = "id"
definitions = ")" + berlin("indicators_citizenship.toml") + R"("
output = "foreigners.csv"
)";
    write_file(tmp / "good.toml", step);
    const fs::path out = tmp / "out";
    REQUIRE(run_regio({"run", (tmp / "good.toml").string(), "--out", out.string(), "--quiet"}).exit_code == 0);
    REQUIRE(fs::exists(out / "foreigners.csv"));

    // The same step, now failing (an option the command does not have).
    write_file(tmp / "good.toml", step + "no-such-option = 3\n");
    const RunResult r = run_regio({"run", (tmp / "good.toml").string(), "--out", out.string(), "--quiet"});
    CHECK(r.exit_code == 1);
    const auto manifest = parse(read_file(out / "manifest.json"));
    REQUIRE(manifest["steps"].size() == 1);
    const auto& failed = manifest["steps"][0];
    CHECK(failed["exit_code"] == 2);
    CHECK(failed["outputs"].empty());
    CHECK(!failed.contains("report"));
    CHECK_THAT(failed["error"].get<std::string>(), Contains("no-such-option"));
}

TEST_CASE("run --dry-run: commands a shell can run, quoted", "[cli][run]") {
    TempDir tmp;
    write_file(tmp / "p.toml", R"([[step]]
name = "map"
run = "map"
[step.args]
layer = ")" + berlin("lor_3035.gpkg") + R"(:districts"
id = "id"
field = "inhabitants"
data = ")" + berlin("register_2020-12_districts.csv") + R"("
title = "Berlin's districts"
output = "districts map.svg"
)");
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", (tmp / "out").string(), "--dry-run"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("--title 'Berlin'\\''s districts'") && Contains("districts map.svg'") &&
                          Contains("--field inhabitants "));
    CHECK(!fs::exists(tmp / "out" / "manifest.json"));
}

TEST_CASE("run: the pre-run check takes --intensive COLUMN:DENOMINATOR as two columns", "[cli][run]") {
    TempDir tmp;
    write_file(tmp / "xw.csv", "from_id,to_id,weight_area\na,x,1\nb,x,1\n");
    write_file(tmp / "data.csv", "id,share,population\na,10,100\nb,20,300\n");
    auto pipeline = [&](const std::string& intensive) {
        return R"([[step]]
name = "apply"
run = "crosswalk apply"
[step.args]
crosswalk = ")" + (tmp / "xw.csv").string() + R"("
data = ")" + (tmp / "data.csv").string() + R"("
id = "id"
intensive = ")" + intensive + R"("
output = "out.csv"
)";
    };
    write_file(tmp / "ok.toml", pipeline("share:population"));
    const RunResult ok = run_regio({"run", (tmp / "ok.toml").string(), "--out", (tmp / "out").string(), "--dry-run"});
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    write_file(tmp / "bad.toml", pipeline("share:populaton"));
    const RunResult bad = run_regio({"run", (tmp / "bad.toml").string(), "--out", (tmp / "out").string(), "--dry-run"});
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Contains("'populaton'") && Contains("nothing was run"));
}

TEST_CASE("help pipeline: the file format with an example", "[cli][run]") {
    const RunResult r = run_regio({"help", "pipeline"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("[[step]]") && Contains("[step.args]") && Contains("\"@foreigners\"") && Contains("Example:") &&
                          Contains("timings.json"));
}

}  // namespace run_rerun_cli_test
