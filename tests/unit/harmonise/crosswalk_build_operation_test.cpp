// crosswalk build as a library operation (issue #13): run() on the hand-made
// 2020 -> 2024 vintages (tests/data/xw_*.geojson, described in
// tests/cli/crosswalk_cli_fixtures.hpp), no CLI, no process.
#include "regio/error.hpp"
#include "regio/harmonise/crosswalk_build_operation.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_build_operation_test {

namespace fs = std::filesystem;
using namespace regio;

namespace {

std::string data(const std::string& name) { return std::string(REGIO_TEST_DATA) + "/" + name; }

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct TempOut {
    fs::path dir = fs::temp_directory_path() / ("regio_xwbuild_op_" + std::to_string(::getpid()));
    TempOut() { fs::create_directories(dir); }
    ~TempOut() { fs::remove_all(dir); }
};

harmonise::CrosswalkBuildRequest request_2020_2024(const fs::path& out) {
    harmonise::CrosswalkBuildRequest r;
    r.from.regions = data("xw_2020.geojson");
    r.from.id = "code";
    r.from.fix_prefix = "from-";
    r.to.regions = data("xw_2024.geojson");
    r.to.id = "unit";
    r.to.fix_prefix = "to-";
    r.output = {(out / "cw.csv").string(), "", ""};
    r.threads = 1;
    return r;
}

std::vector<std::string> keys(const nlohmann::ordered_json& j) {
    std::vector<std::string> out;
    for (const auto& item : j.items()) out.push_back(item.key());
    return out;
}

}  // namespace

TEST_CASE("crosswalk build operation: figures, report and summary", "[harmonise][crosswalk_build]") {
    TempOut tmp;
    harmonise::CrosswalkBuildRequest request = request_2020_2024(tmp.dir);
    request.changes = {(tmp.dir / "changes.csv").string(), "", ""};
    request.report = (tmp.dir / "report.json").string();
    std::vector<double> fractions;
    std::vector<std::string> warnings;
    const harmonise::CrosswalkBuildResult result =
        harmonise::run(request, ProgressRange([&](double f, std::string_view) { fractions.push_back(f); }),
                       [&](std::string_view w) { warnings.emplace_back(w); });

    // The files are the documented ones (the same as the CLI's golden files).
    CHECK(read_text(tmp.dir / "cw.csv") == read_text(std::string(REGIO_TEST_DATA) + "/../cli/expected/xw_crosswalk.csv"));
    CHECK(read_text(tmp.dir / "changes.csv") == read_text(std::string(REGIO_TEST_DATA) + "/../cli/expected/xw_changes.csv"));
    CHECK(result.from.units == 10);
    CHECK(result.to.units == 11);
    CHECK(result.built.crosswalk.rows.size() == 13);
    CHECK(result.built.unmatched_from == std::vector<std::string>{"X"});
    CHECK(result.built.unmatched_to == std::vector<std::string>{"N"});
    CHECK(result.changes.size() == 21);
    CHECK_FALSE(result.weighted);
    CHECK(result.threads == 1);
    CHECK(warnings.empty());
    REQUIRE_FALSE(fractions.empty());
    CHECK(fractions.back() == 1.0);

    // The report: today's keys in today's order, written with the outputs.
    const nlohmann::ordered_json j = result.to_json();
    CHECK(keys(j) == std::vector<std::string>{"command", "from", "to", "pieces", "rows", "slivers", "unmatched_from",
                                              "unmatched_to", "changes", "timings"});
    CHECK(j["command"] == "crosswalk build");
    CHECK(j["rows"] == 13);
    CHECK(j["changes"]["from:split"] == 1);
    CHECK(keys(j["timings"]) == std::vector<std::string>{"regions_s", "overlay_s", "weights_s", "write_s"});
    CHECK(nlohmann::ordered_json::parse(read_text(tmp.dir / "report.json"))["rows"] == 13);

    // The summary: today's lines, the time line last.
    const std::string summary = result.summary();
    CHECK(summary.rfind("crosswalk: 10 x 11 units -> ", 0) == 0);
    CHECK(summary.find("13 rows kept") != std::string::npos);
    CHECK(summary.find("1 source units have no counterpart (discontinued without successor)\n") != std::string::npos);
    CHECK(summary.find("1 target units have no counterpart (new territory)\n") != std::string::npos);
    CHECK(summary.find("\ntime: ") != std::string::npos);
    CHECK(summary.back() == '\n');
}

TEST_CASE("crosswalk build operation: raster weights", "[harmonise][crosswalk_build]") {
    TempOut tmp;
    harmonise::CrosswalkBuildRequest request = request_2020_2024(tmp.dir);
    request.weights = data("xw_pop.asc");
    const harmonise::CrosswalkBuildResult result = harmonise::run(request, ProgressRange({}));
    CHECK(result.weighted);
    CHECK(result.built.crosswalk.has_weights);
    CHECK(result.to_json()["weights"]["kind"] == "raster");
    CHECK(result.summary().find("weights: ") != std::string::npos);
}

TEST_CASE("crosswalk build operation: a bad request", "[harmonise][crosswalk_build][bad]") {
    TempOut tmp;
    harmonise::CrosswalkBuildRequest request = request_2020_2024(tmp.dir);
    SECTION("--from-name without --to-name") {
        request.from_name = "name";
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
    }
    SECTION("an output in no table format") {
        request.output.path = (tmp.dir / "cw.txt").string();
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
    }
    SECTION("a layer name for CSV changes") {
        request.changes = {(tmp.dir / "changes.csv").string(), "changes", ""};
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
    }
    SECTION("a geographic work CRS") {
        request.work_crs = "EPSG:4326";
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), CrsError);
    }
    // Nothing was written.
    CHECK_FALSE(fs::exists(tmp.dir / "cw.csv"));
    CHECK_FALSE(fs::exists(tmp.dir / "changes.csv"));
}

}  // namespace crosswalk_build_operation_test
