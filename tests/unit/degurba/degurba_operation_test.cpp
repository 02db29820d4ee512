// degurba::run called directly (no CLI, no process) on the spec's Example A
// (../shared/spec/degurba.md §6, tests/data/degurba_example_a.asc) and its
// five units (degurba_units.geojson; the hand count is in
// tests/cli/degurba_cli_test.cpp): the figures, the report's keys and the
// summary, and the errors of bad requests.
#include "regio/degurba/degurba_operation.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace degurba_operation_test {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string fixture(const std::string& name) { return std::string(REGIO_TEST_DATA) + "/" + name; }

// A fresh, empty directory for one test's outputs, removed afterwards.
struct OutDir {
    fs::path path = fs::temp_directory_path() / ("regio_degurba_op_" + std::to_string(::getpid()));
    OutDir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~OutDir() { fs::remove_all(path); }
};

regio::degurba::DegurbaRequest example_a(const fs::path& dir) {
    regio::degurba::DegurbaRequest r;
    r.grid.raster = fixture("degurba_example_a.asc");
    r.output = (dir / "cells.tif").string();
    r.threads = 1;
    return r;
}

std::size_t files_in(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("degurba operation: Example A with units gives the spec's totals, report and summary", "[degurba][operation]") {
    OutDir out;
    auto request = example_a(out.path);
    request.units.regions = fixture("degurba_units.geojson");
    request.units.id = "unit";
    request.units_out = (out.path / "units.csv").string();
    request.report = (out.path / "report.json").string();
    std::vector<std::string> warned;
    const auto result = regio::degurba::run(request, regio::ProgressRange(nullptr),
                                            [&](std::string_view w) { warned.emplace_back(w); });

    // 73 498 = 61 600 (centre) + 6 899 (clusters outside it) + 4 999 (rural).
    const auto& s = result.classes.stats;
    CHECK(s.cells == 144);
    CHECK(s.population == 73498);
    CHECK(s.population_urban_centres == 61600);
    CHECK(s.population_urban_clusters == 6899);
    CHECK(s.population_rural == 4999);
    CHECK(s.urban_centres == 1);
    CHECK(result.classes.cells_by_class.at(30) == 36);
    CHECK(!result.classes.cells_by_level2_class);
    REQUIRE(result.units);
    CHECK(result.units->units.size() == 5);
    CHECK(result.units->allocated == 73498);
    CHECK(result.report.assumptions == std::vector<std::string>{"every cell counted as land (no --land given)"});
    CHECK(result.option_warnings.empty());
    CHECK(warned.empty());
    CHECK(result.report.threads == 1);

    // The report: the keys in their order, and the file written is the same JSON.
    const auto j = result.to_json();
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"command", "grid", "options", "population", "urban_centres", "urban_clusters",
                                           "cells_by_class", "units", "assumptions", "warnings", "outputs", "threads", "timings"});
    CHECK(j["units"]["by_class"]["city"] == 2);
    CHECK(j["outputs"]["units"] == request.units_out);
    std::ifstream report(request.report);
    const std::string written((std::istreambuf_iterator<char>(report)), std::istreambuf_iterator<char>());
    CHECK(written == j.dump(2) + "\n");
    CHECK(files_in(out.path) == 3);

    const std::string summary = result.summary();
    CHECK_THAT(summary, StartsWith("degurba: 144 cells of 1000 m (12 x 12), population 73498\n"
                                   "urban centres: 1 holding 61600 (83.8%); urban clusters: 2 (2 with cells outside centres, "
                                   "holding 6899, 9.4%); rural: 4999 (6.8%); conservation error 0.00e+00\n"
                                   "units: 5 (2 city, 1 town or semi-dense area, 2 rural area); population 73498 allocated of "
                                   "73498 under the units\ntime: "));
}

TEST_CASE("degurba operation: Level 2 and a preset's built-up criterion without the layer", "[degurba][operation]") {
    OutDir out;
    auto request = example_a(out.path);
    request.level = regio::degurba::Level::Two;
    request.preset = regio::degurba::Preset::GHSL2022;
    const auto result = regio::degurba::run(request, regio::ProgressRange(nullptr));
    REQUIRE(result.option_warnings.size() == 1);
    CHECK_THAT(result.option_warnings[0], Contains("preset GHSL2022 uses a built-up criterion, but there is no --built-up layer"));
    CHECK(result.report.warnings == result.option_warnings);
    REQUIRE(result.classes.cells_by_level2_class);
    CHECK(result.to_json().contains("cells_by_level2_class"));
    CHECK(!result.to_json().contains("units"));
}

TEST_CASE("degurba operation: bad requests are usage errors and write nothing", "[degurba][operation][bad]") {
    OutDir out;
    auto partial_units = example_a(out.path);
    partial_units.units.regions = fixture("degurba_units.geojson");
    CHECK_THROWS_AS(regio::degurba::run(partial_units, regio::ProgressRange(nullptr)), regio::UsageError);
    CHECK_THROWS_WITH(regio::degurba::run(partial_units, regio::ProgressRange(nullptr)),
                      Contains("units need all of --units, --unit-id and --units-out"));

    auto level1_option = example_a(out.path);
    level1_option.choices.semi_dense_distance_m = 1000;
    CHECK_THROWS_AS(regio::degurba::run(level1_option, regio::ProgressRange(nullptr)), regio::UsageError);

    auto threshold = example_a(out.path);
    threshold.choices.built_up_threshold = 0.3;
    CHECK_THROWS_WITH(regio::degurba::run(threshold, regio::ProgressRange(nullptr)), Contains("--built-up-threshold needs --built-up"));

    auto png = example_a(out.path);
    png.output = (out.path / "cells.png").string();
    CHECK_THROWS_AS(regio::degurba::run(png, regio::ProgressRange(nullptr)), regio::UsageError);

    // A data error (no such field) leaves no output either.
    auto no_field = example_a(out.path);
    no_field.units.regions = fixture("degurba_units.geojson");
    no_field.units.id = "code";
    no_field.units_out = (out.path / "units.csv").string();
    CHECK_THROWS_AS(regio::degurba::run(no_field, regio::ProgressRange(nullptr)), regio::Error);
    CHECK(files_in(out.path) == 0);
}

}  // namespace degurba_operation_test
