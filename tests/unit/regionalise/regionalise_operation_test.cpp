// regionalise::run called directly (issue #13): the fixture of
// tests/cli/regionalise_cli_test.cpp (11 units in 3 districts), checked
// through the result's figures, to_json() and summary(), and the request
// errors that come before any work.
#include "regio/error.hpp"
#include "regio/regionalise/regionalise_operation.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace regionalise_operation_test {

using namespace regio;
using namespace regio::regionalise;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

namespace fs = std::filesystem;

std::string test_data(const std::string& name) { return std::string(REGIO_TEST_DATA) + "/" + name; }

// A fresh directory per test case, removed at the end.
struct OutDir {
    fs::path path;
    explicit OutDir(const std::string& name)
        : path(fs::temp_directory_path() / ("regio_regionalise_op_" + name + "_" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~OutDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

RegionaliseRequest fixture_request(const fs::path& dir) {
    RegionaliseRequest r;
    r.units.regions = test_data("regionalise_units.geojson");
    r.units.id = "code";
    r.data = test_data("regionalise_data.csv");
    r.thresholds = {"pop>=1000", "foreigners>=100"};
    r.within = "district";
    r.output = {(dir / "regions.gpkg").string(), "", ""};
    r.map = (dir / "map.csv").string();
    r.threads = 1;
    return r;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("regionalise operation: figures, report keys, summary and warnings", "[regionalise][operation]") {
    OutDir dir("figures");
    RegionaliseRequest request = fixture_request(dir.path);
    request.report = (dir.path / "report.json").string();
    std::vector<std::string> warned;
    const RegionaliseResult result = run(request, ProgressRange(ProgressFn{}), [&warned](std::string_view w) { warned.emplace_back(w); });

    CHECK(dir.names() == std::vector<std::string>{"map.csv", "regions.gpkg", "report.json"});
    CHECK(result.units == 11);
    CHECK(result.groups == 3);
    CHECK(result.neighbour_pairs == 9);
    CHECK(result.regions == 5);
    CHECK(result.regions_failing() == 2);
    REQUIRE(result.failing_regions.size() == 2);
    CHECK(result.failing_regions[0].id == "R0003");
    CHECK(result.failing_regions[0].units == std::vector<std::string>{"01-e1"});
    CHECK(result.failing_regions[1].id == "R0005");
    REQUIRE(result.totals.size() == 2);
    CHECK(result.totals[0].column == "pop");
    CHECK(result.totals[0].table == 6200);
    CHECK(result.totals[0].in_regions == 6200);
    CHECK(result.totals[0].preserved());
    REQUIRE(result.outputs.size() == 1);
    CHECK(result.outputs[0].rows == 5);
    CHECK(result.outputs[0].format == "gpkg");
    // The failing regions are warned about after the outputs are in place.
    REQUIRE(warned.size() == 2);
    CHECK(warned[0] == "region R0003 (01-e1) does not meet the thresholds: island (no neighbouring unit): pop 300 < 1000, foreigners 30 < 100");
    CHECK(warned == result.warnings);

    const nlohmann::ordered_json j = result.to_json(request);
    std::vector<std::string> keys;
    for (const auto& item : j.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"command", "units", "data", "thresholds", "within", "groups", "contiguity", "seed", "runs",
                                           "chosen_run", "regions", "regions_meeting", "regions_failing", "compactness",
                                           "failing_regions", "totals", "timings", "outputs"});
    CHECK(j["within"]["field"] == "district");
    CHECK(j["contiguity"]["rule"] == "rook");
    CHECK(j["regions_meeting"] == 3);
    CHECK(j["totals"]["foreigners"]["preserved"] == true);
    CHECK(j["outputs"][0]["rows"] == 5);
    // The report file is the same JSON (timings aside, which are measured once).
    CHECK(nlohmann::ordered_json::parse(read_text(dir.path / "report.json")) == j);

    const std::string summary = result.summary(request);
    CHECK_THAT(summary, StartsWith("regionalise: 11 units in 3 groups, 9 neighbour pairs (rook) -> 5 regions (3 meet every threshold, 2 fail)\n"
                                   "run "));
    CHECK_THAT(summary, Contains("\npop: 6200 in the table = 6200 in regions + 0 in rows without a unit\n"));
    CHECK_THAT(summary, Contains("\ntime: "));
    CHECK(summary.back() != '\n');
}

TEST_CASE("regionalise operation: the same request gives the same map in any table format", "[regionalise][operation]") {
    OutDir dir("formats");
    RegionaliseRequest request = fixture_request(dir.path);
    request.units.cache = nullptr;
    const RegionaliseResult gpkg = run(request, ProgressRange(ProgressFn{}));
    const std::string map = read_text(dir.path / "map.csv");
    request.overwrite = io::Overwrite::Yes;
    request.output = {(dir.path / "regions.data").string(), "", "FlatGeobuf"};  // --of over an extension it does not know
    const RegionaliseResult fgb = run(request, ProgressRange(ProgressFn{}));
    CHECK(read_text(dir.path / "map.csv") == map);
    REQUIRE(fgb.outputs.size() == 1);
    CHECK(fgb.outputs[0].format == "fgb");
    CHECK(fgb.outputs[0].rows == gpkg.outputs[0].rows);
    CHECK(fgb.to_json(request)["totals"] == gpkg.to_json(request)["totals"]);
}

TEST_CASE("regionalise operation: bad requests are usage errors before anything is written", "[regionalise][operation]") {
    OutDir dir("bad");
    const auto refused = [&dir](const RegionaliseRequest& request, const std::string& message) {
        CAPTURE(message);
        CHECK_THROWS_AS(run(request, ProgressRange(ProgressFn{})), UsageError);
        CHECK_THROWS_WITH(run(request, ProgressRange(ProgressFn{})), Contains(message));
        CHECK(dir.names().empty());
    };
    RegionaliseRequest r = fixture_request(dir.path);
    r.output.path = (dir.path / "regions.csv").string();
    refused(r, "name -o .gpkg");
    r = fixture_request(dir.path);
    r.output.format = "csv";
    refused(r, "name -o .gpkg");
    r.output.format = "shapefile";
    refused(r, "--of shapefile: unknown output format");
    r = fixture_request(dir.path);
    r.map = (dir.path / "map.txt").string();
    refused(r, "--map .csv");
    r = fixture_request(dir.path);
    r.thresholds = {"units>=2"};
    refused(r, "clashes with an output column");
    r = fixture_request(dir.path);
    r.thresholds = {"pop>1000"};
    refused(r, "no '>='");
}

TEST_CASE("regionalise operation: units in degrees are a CRS error", "[regionalise][operation]") {
    OutDir dir("crs");
    // GeoJSON without a "crs" member is WGS 84 longitude/latitude.
    const fs::path units = dir.path.parent_path() / ("regio_regionalise_op_degrees_" + std::to_string(::getpid()) + ".geojson");
    std::ofstream(units) << R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"code": "01-a1"}, "geometry": {"type": "Polygon", "coordinates": [[[13, 52], [13.1, 52], [13.1, 52.1], [13, 52.1], [13, 52]]]}}
]})";
    RegionaliseRequest r = fixture_request(dir.path);
    r.units.regions = units.string();
    r.within.clear();
    CHECK_THROWS_AS(run(r, ProgressRange(ProgressFn{})), CrsError);
    CHECK_THROWS_WITH(run(r, ProgressRange(ProgressFn{})), Contains("projected CRS"));
    CHECK(dir.names().empty());
    fs::remove(units);
}

TEST_CASE("regionalise operation: a column total is conserved up to summation rounding, not beyond", "[regionalise][operation]") {
    // 0.1 + 0.2 != 0.3 exactly: the order of summing may differ by an ulp.
    CHECK(ColumnTotal{"a", 0.3, 0.1 + 0.2, 0}.conserved());
    CHECK_FALSE(ColumnTotal{"a", 0.3, 0.1 + 0.2, 0}.preserved());
    CHECK(ColumnTotal{"a", 1e12, 1e12 - 1e-3, 0}.conserved());
    // A lost unit of 1 in a total of 1000 is an error.
    CHECK_FALSE(ColumnTotal{"a", 1000, 999, 0}.conserved());
    CHECK_FALSE(ColumnTotal{"a", 0, 1e-6, 0}.conserved());
    CHECK(ColumnTotal{"a", 10, 7, 3}.conserved());
}

}  // namespace regionalise_operation_test
