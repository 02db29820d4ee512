// regio::maps::run called directly (no CLI, no process) on the hand-made
// regions of tests/data: the figures, the report's keys, the summary line, the
// golden SVG of the CLI tests, and requests that are refused before anything
// is written.
#include "regio/maps/map_operation.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_operation_test {

using namespace regio;
namespace fs = std::filesystem;

namespace {

std::string data(const std::string& name) { return std::string(REGIO_TEST_DATA) + "/" + name; }

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("regio_map_operation_" + std::to_string(::getpid()));
    ScratchDir() { fs::create_directories(path); }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    [[nodiscard]] std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
    }
};

maps::MapRequest hand_made_map(const std::string& field, const fs::path& svg) {
    maps::MapRequest request;
    request.regions.regions = data("map_regions.geojson");
    request.regions.id = "code";
    request.values.field = field;
    request.output = svg.string();
    return request;
}

}  // namespace

TEST_CASE("map operation: the employment rate with suppressed rows, its figures, report and summary", "[map][operation]") {
    ScratchDir dir;
    maps::MapRequest request = hand_made_map("value", dir.path / "map.svg");
    request.name = "name";
    request.values.data = data("map_flags.csv");
    request.values.data_id = "region";
    request.values.where = {"indicator=employment_rate", "group=non_eu"};
    request.title = "Employment rate";
    request.source = "regio tests";
    request.report = (dir.path / "map.json").string();
    std::vector<std::string> warned;
    const maps::MapResult result =
        maps::run(request, ProgressRange(nullptr), [&](std::string_view w) { warned.emplace_back(w); });

    CHECK(result.report.region_count == 6);
    CHECK(result.plan.classes.k() == 5);
    CHECK(result.plan.nodata == 1);        // E has no row
    CHECK(result.plan.confidential == 2);  // B and D are suppressed
    CHECK(result.panels == 1);
    CHECK(result.method == "quantile");
    const std::vector<std::string> expected_warnings{"1 region has no row in " + data("map_flags.csv") + " (shown as no data): E"};
    CHECK(result.warnings == expected_warnings);
    CHECK(warned == expected_warnings);  // given to the front-end too

    const std::string svg = read_text(dir.path / "map.svg");
    CHECK(result.svg_bytes == svg.size());
    CHECK(result.summary() == "map: 6 regions, 5 classes (quantile), 1 without data, 2 confidential; " + std::to_string(svg.size()) +
                                  " bytes of SVG");

    const nlohmann::ordered_json json = result.to_json();
    std::vector<std::string> keys;
    for (const auto& item : json.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"command", "regions", "data", "panels", "classification", "areas", "simplify_px", "outputs",
                                           "warnings"});
    CHECK(json["areas"]["classified"] == 3);
    CHECK(json["classification"]["breaks"] == nlohmann::ordered_json::array({53.8, 59.6, 64.0, 67.0, 70.0}));
    CHECK(json["outputs"]["output"] == request.output);
    CHECK(json["simplify_px"] == 0.25);
    // The report on disk is the result's JSON.
    CHECK(read_text(dir.path / "map.json") == json.dump(2) + "\n");
}

TEST_CASE("map operation: the golden map of the CLI tests, byte for byte", "[map][operation]") {
    ScratchDir dir;
    maps::MapRequest request = hand_made_map("rate", dir.path / "golden.svg");
    request.name = "name";
    request.title = "Rate by region";
    request.subtitle = "hand-made test map";
    request.source = "Source: regio tests & fixtures";
    const maps::MapResult result = maps::run(request, ProgressRange(nullptr));
    const std::string svg = read_text(dir.path / "golden.svg");
    CHECK(svg == read_text(data("../cli/expected/map_small.svg")));
    CHECK(result.warnings.empty());
    CHECK(result.summary() == "map: 6 regions, 5 classes (quantile), 1 without data; " + std::to_string(svg.size()) + " bytes of SVG");
}

TEST_CASE("map operation: a categorical map counts categories, not classes", "[map][operation]") {
    ScratchDir dir;
    maps::MapRequest request = hand_made_map("class", dir.path / "classes.svg");
    request.values.data = data("map_class_column.csv");
    request.values.data_id = "code";
    request.kind = maps::MapKind::Categorical;
    request.title = "Classes";
    request.source = "regio tests";
    const maps::MapResult result = maps::run(request, ProgressRange(nullptr));
    CHECK(result.kind == maps::MapKind::Categorical);
    CHECK_THAT(result.summary(), Catch::Matchers::StartsWith("map: 6 regions, " + std::to_string(result.plan.classes.k()) +
                                                             " categories (categorical), "));
}

TEST_CASE("map operation: requests refused before anything is written", "[map][operation]") {
    ScratchDir dir;
    SECTION("the map is not an SVG") {
        CHECK_THROWS_AS(maps::run(hand_made_map("rate", dir.path / "map.png"), ProgressRange(nullptr)), UsageError);
    }
    SECTION("a categorical map with a class count") {
        maps::MapRequest request = hand_made_map("rate", dir.path / "map.svg");
        request.kind = maps::MapKind::Categorical;
        request.classes = 4;
        CHECK_THROWS_AS(maps::run(request, ProgressRange(nullptr)), UsageError);
    }
    SECTION("a bad extent") {
        maps::MapRequest request = hand_made_map("rate", dir.path / "map.svg");
        request.extent = {1, 2, 0, 3};
        CHECK_THROWS_AS(maps::run(request, ProgressRange(nullptr)), UsageError);
    }
    SECTION("a --gpkg value column that clashes with its class column") {
        maps::MapRequest request = hand_made_map("class", dir.path / "map.svg");
        request.gpkg = (dir.path / "map.gpkg").string();
        CHECK_THROWS_AS(maps::run(request, ProgressRange(nullptr)), UsageError);
    }
    CHECK(dir.entries() == 0);
}

}  // namespace map_operation_test
