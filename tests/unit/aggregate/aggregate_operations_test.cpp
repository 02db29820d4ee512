// The aggregate operations called as a library (issue #13): no CLI, no
// process. Figures, the report's keys and the summary on the fixtures of the
// end-to-end tests (tests/cli/aggregate_*_cli_test.cpp), and the error types
// of bad requests.
#include "regio/aggregate/aggregate_grid_operation.hpp"
#include "regio/aggregate/aggregate_points_operation.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace aggregate_operations_test {

using namespace regio;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("regio-aggregate-op-" + std::to_string(::getpid()));
    TempDir() {
        fs::create_directories(path);
        ::setenv("GDAL_PAM_ENABLED", "NO", 1);  // no .aux.xml beside the fixtures
    }
    ~TempDir() { fs::remove_all(path); }
};

std::string data(const std::string& name) { return std::string(REGIO_TEST_DATA) + "/" + name; }

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> keys(const nlohmann::ordered_json& j) {
    std::vector<std::string> out;
    for (const auto& item : j.items()) out.push_back(item.key());
    return out;
}

aggregate::AggregatePointsRequest edges_request(const fs::path& dir) {
    aggregate::AggregatePointsRequest r;
    r.regions.regions = data("regions_abc.geojson");
    r.regions.id = "region_id";
    r.points = data("points_edges.csv");
    r.points_crs = "EPSG:3035";
    r.weights = {"persons"};
    r.output = {(dir / "counts.csv").string(), {}, {}};
    r.report = (dir / "report.json").string();
    r.threads = 2;
    return r;
}

aggregate::AggregateGridRequest grid_request(const fs::path& dir) {
    aggregate::AggregateGridRequest r;
    r.regions.regions = data("regions_grid.geojson");
    r.regions.id = "region_id";
    r.grid.raster = data("grid_4x4.asc");
    r.output = {(dir / "grid.csv").string(), {}, {}};
    r.threads = 1;
    return r;
}

}  // namespace

TEST_CASE("aggregate points operation: every record accounted for, report and summary", "[aggregate][operation]") {
    TempDir tmp;
    const aggregate::AggregatePointsRequest request = edges_request(tmp.path);
    std::vector<std::string> warnings;
    double last_progress = -1;
    const aggregate::AggregatePointsResult result =
        aggregate::run(request, ProgressRange([&](double f, std::string_view) { last_progress = f; }),
                       [&](std::string_view w) { warnings.emplace_back(w); });

    const aggregate::PointTally& t = result.points.tally;
    CHECK(result.points.read == 19);
    // With a weight, the record whose weight is empty is invalid too (line 19).
    CHECK(t.assigned_count() == 12);
    CHECK(t.outside_count() == 4);
    CHECK(t.invalid() == 3);
    CHECK(result.points.conserved());
    CHECK(result.report.region_count == 5);
    CHECK(result.report.threads == 2);
    CHECK(warnings.empty());
    CHECK(!result.landing_warning);
    CHECK(last_progress >= 0);
    REQUIRE(result.outputs.size() == 1);
    CHECK(result.outputs[0].rows == 5);
    CHECK(read_text(tmp.path / "counts.csv").rfind("region_id,count,persons_sum\nA,", 0) == 0);

    const nlohmann::ordered_json j = result.to_json();
    CHECK(keys(j) == std::vector<std::string>{"command", "regions", "points", "threads", "timings", "outputs"});
    CHECK(j["command"] == "aggregate points");
    CHECK(keys(j["timings"]) == std::vector<std::string>{"regions_s", "points_s", "write_s"});
    CHECK(j["outputs"][0]["rows"] == 5);
    // The report written is to_json() as text.
    CHECK(nlohmann::ordered_json::parse(read_text(tmp.path / "report.json")) == j);

    const std::string summary = result.summary();
    CHECK_THAT(summary, StartsWith("points: 19 read = 12 assigned + 4 outside all regions + 3 invalid\n"
                                   "persons: 382.75 read = 202.75 assigned + 128 outside + 52 invalid\n"));
    CHECK_THAT(summary, Contains("points_edges.csv:10: x is not finite (NaN)"));
    CHECK_THAT(summary, Contains(" (2 threads)\n"));
}

TEST_CASE("aggregate points operation: a bad request is refused before anything is written", "[aggregate][operation]") {
    TempDir tmp;
    aggregate::AggregatePointsRequest request = edges_request(tmp.path);
    SECTION("assignments that are not CSV: a usage error") {
        request.assignments = (tmp.path / "where.txt").string();
        CHECK_THROWS_AS(aggregate::run(request, ProgressRange(nullptr)), UsageError);
    }
    SECTION("CSV points without a CRS: a usage error") {
        request.points_crs.clear();
        CHECK_THROWS_AS(aggregate::run(request, ProgressRange(nullptr)), UsageError);
    }
    SECTION("the report over the output: a usage error") {
        request.report = request.output.path;
        CHECK_THROWS_AS(aggregate::run(request, ProgressRange(nullptr)), UsageError);
    }
    SECTION("an output that exists without Overwrite::Yes: a usage error") {
        std::ofstream(tmp.path / "counts.csv") << "keep\n";
        CHECK_THROWS_AS(aggregate::run(request, ProgressRange(nullptr)), UsageError);
        CHECK(read_text(tmp.path / "counts.csv") == "keep\n");
    }
    CHECK(!fs::exists(tmp.path / "report.json"));
}

TEST_CASE("aggregate grid operation: grid total = allocated + outside, report and summary", "[aggregate][operation]") {
    TempDir tmp;
    const aggregate::AggregateGridResult result = aggregate::run(grid_request(tmp.path), ProgressRange(nullptr));
    REQUIRE(result.grid.value_names == std::vector<std::string>{"band1"});
    CHECK(result.grid.cells == 16);
    CHECK(result.grid.grid_total[0] == 4080);
    CHECK(result.grid.allocated(0) == 1747.5);
    CHECK(result.grid.outside(0) == 2332.5);
    CHECK(result.warnings.empty());
    REQUIRE(result.outputs.size() == 1);
    CHECK(result.outputs[0].destination == (tmp.path / "grid.csv").string());

    const nlohmann::ordered_json j = result.to_json();
    CHECK(keys(j) == std::vector<std::string>{"command", "regions", "grid", "values", "threads", "timings", "outputs"});
    CHECK(j["grid"]["method"] == "area");
    CHECK(j["values"]["band1"]["conserved"] == true);
    CHECK(!fs::exists(tmp.path / "report.json"));  // none asked for

    CHECK_THAT(result.summary(), StartsWith("band1: grid total 4080 = 1747.5 allocated + 2332.5 outside all regions; 0 no-data cells"));
    CHECK_THAT(result.summary(), Contains(" (1 threads, 16 cells)\n"));
}

TEST_CASE("aggregate grid operation: a bad request is a usage error", "[aggregate][operation]") {
    TempDir tmp;
    aggregate::AggregateGridRequest request = grid_request(tmp.path);
    SECTION("an unknown method") { request.method = "nearest"; }
    SECTION("dasymetric without weights") { request.method = "dasymetric"; }
    SECTION("an unknown statistic") { request.stats = "sum,median"; }
    SECTION("no grid at all") { request.grid.raster.clear(); }
    CHECK_THROWS_AS(aggregate::run(request, ProgressRange(nullptr)), UsageError);
    CHECK(!fs::exists(tmp.path / "grid.csv"));
}

}  // namespace aggregate_operations_test
