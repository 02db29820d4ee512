// indicators::run called directly (no CLI, no process) on the fixture of
// tests/cli/indicators_cli_test.cpp: tests/data/indicators_counts.csv with
// tests/data/indicators.toml (the figures are checked by hand there).
#include "regio/indicators/indicators_operation.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace indicators_operation_test {

using namespace regio;
namespace fs = std::filesystem;

namespace {

std::string data_file(const std::string& name) { return std::string(REGIO_TEST_DATA) + "/" + name; }

struct TempOut {
    fs::path dir = fs::temp_directory_path() / ("regio_indicators_op_" + std::to_string(::getpid()));
    TempOut() { fs::create_directories(dir); }
    ~TempOut() { fs::remove_all(dir); }
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

indicators::IndicatorsRequest fixture_request(const fs::path& output) {
    indicators::IndicatorsRequest r;
    r.data = data_file("indicators_counts.csv");
    r.id = "region";
    r.definitions = data_file("indicators.toml");
    r.output.path = output.string();
    return r;
}

}  // namespace

TEST_CASE("indicators operation: figures, report keys and summary of the fixture", "[indicators][operation]") {
    TempOut tmp;
    indicators::IndicatorsRequest request = fixture_request(tmp.dir / "ind.csv");
    request.report = (tmp.dir / "report.json").string();
    std::vector<std::string> warned;
    const indicators::IndicatorsResult result =
        indicators::run(request, ProgressRange({}), [&](std::string_view w) { warned.emplace_back(w); });
    CHECK(result.form == indicators::OutputForm::Tidy);
    CHECK(result.data_rows == 3);
    CHECK(result.hierarchy.size() == 3);
    CHECK(result.table.rows.size() == 24);
    CHECK(result.table.flags.at(indicators::Flag::Ok) == 14);
    CHECK(result.table.primary == 1);
    CHECK(result.table.rate == 1);
    CHECK(result.table.secondary == 2);
    CHECK(warned.empty());
    CHECK(result.summary() == "indicators: 3 regions (0 parents) x 2 indicators -> 24 rows\n"
                              "flags: ok 14, suppressed 7, zero_denominator 0, no_data 3\n"
                              "suppressed cells: primary 1, rate 1, secondary 2 (t_min 10)\n");
    const nlohmann::ordered_json j = result.to_json(request);
    std::vector<std::string> keys;
    for (const auto& item : j.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"command", "inputs", "definition", "reference", "disclosure", "indicators", "rollup",
                                           "rows", "flags", "suppressed_cells", "protection"});
    CHECK(j["rollup"]["mode"] == "none");
    // The report file is the result's JSON, written with the table.
    CHECK(slurp(request.report) == j.dump(2) + "\n");
    CHECK(slurp(tmp.dir / "ind.csv").rfind("region,indicator,group,value,numerator,denominator,flag,definition,label\n", 0) == 0);
}

TEST_CASE("indicators operation: rollup parents and the wide table's outputs entry", "[indicators][operation]") {
    TempOut tmp;
    indicators::IndicatorsRequest request = fixture_request(tmp.dir / "wide.gpkg");
    request.rollup = "nuts";
    request.regions.regions = data_file("indicators_regions.geojson");
    request.regions.id = "nuts_id";
    const indicators::IndicatorsResult result = indicators::run(request, ProgressRange({}));
    CHECK(result.form == indicators::OutputForm::Wide);
    CHECK(result.hierarchy.size() == 7);  // AT111, AT112, AT121 and AT11, AT12, AT1, AT
    REQUIRE(result.join);
    CHECK(result.join->rows_without_region.count == 0);
    CHECK(result.join->regions_without_row.count == 0);
    REQUIRE(result.tables.size() == 1);
    CHECK(result.tables[0].rows == 7);
    CHECK(result.tables[0].format == std::optional<std::string>("gpkg"));
    const nlohmann::ordered_json j = result.to_json(request);
    CHECK(j["rollup"]["parent_regions"] == 4);
    CHECK(j["outputs"][0]["rows"] == 7);
    CHECK(fs::exists(tmp.dir / "wide.gpkg"));
}

TEST_CASE("indicators operation: bad requests are usage errors and write nothing", "[indicators][operation]") {
    TempOut tmp;
    auto refused = [&](indicators::IndicatorsRequest request, const std::string& message) {
        INFO(message);
        CHECK_THROWS_MATCHES(indicators::run(request, ProgressRange({})), UsageError,
                             Catch::Matchers::Predicate<UsageError>(
                                 [&](const UsageError& e) { return std::string(e.what()).find(message) != std::string::npos; }));
        CHECK(fs::is_empty(tmp.dir));
    };
    refused(fixture_request(tmp.dir / "x.gpkg"), "GeoPackage output needs the region geometry");
    refused(fixture_request(tmp.dir / "x.fgb"), "FlatGeobuf output needs the region geometry");
    refused(fixture_request(tmp.dir / "x.txt"), "name the output .csv or .gpkg");
    indicators::IndicatorsRequest unknown = fixture_request(tmp.dir / "x.csv");
    unknown.output.format = "shapefile";
    refused(unknown, "--of shapefile: unknown output format");
    indicators::IndicatorsRequest tidy_with_regions = fixture_request(tmp.dir / "x.csv");
    tidy_with_regions.regions.regions = data_file("indicators_regions.geojson");
    refused(tidy_with_regions, "--regions is only used for the wide outputs");
    // GDAL's FlatGeobuf would drop the four rollup parents (no geometry): refused, nothing written.
    indicators::IndicatorsRequest fgb_parents = fixture_request(tmp.dir / "parents.fgb");
    fgb_parents.rollup = "nuts";
    fgb_parents.regions.regions = data_file("indicators_regions.geojson");
    fgb_parents.regions.id = "nuts_id";
    refused(fgb_parents, "FlatGeobuf cannot hold features without geometry, and 4 output regions have none");
    indicators::IndicatorsRequest fixes_alone = fixture_request(tmp.dir / "x.csv");
    fixes_alone.regions.skip_features = {1};
    refused(fixes_alone, "--set-id and --skip-feature fix features of --regions");
}

}  // namespace indicators_operation_test
