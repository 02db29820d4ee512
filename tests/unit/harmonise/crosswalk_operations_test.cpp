// crosswalk apply and crosswalk chain as library operations
// (harmonise/crosswalk_apply_operation.hpp, crosswalk_chain_operation.hpp),
// called directly on tiny tables written here: the figures, the report's
// keys, the summary lines, the warnings, and bad requests.
#include "regio/error.hpp"
#include "regio/harmonise/crosswalk_apply_operation.hpp"
#include "regio/harmonise/crosswalk_chain_operation.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_operations_test {

namespace fs = std::filesystem;
using namespace regio;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

struct Workdir {
    fs::path path;
    Workdir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("regio-xwop-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~Workdir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
    std::string read(const std::string& name) const {
        std::ifstream in(path / name);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

// A stays whole, B splits in halves into B1 and B2; the data has X, which
// the crosswalk does not know.
constexpr const char* kAtoB = "from_id,to_id,area_m2,area_share_from,area_share_to\n"
                              "A,A1,100,1,1\n"
                              "B,B1,50,0.5,1\n"
                              "B,B2,50,0.5,1\n";
constexpr const char* kBtoC = "from_id,to_id,area_m2,area_share_from,area_share_to\n"
                              "A1,Z,100,1,0.5\n"
                              "B1,Z,50,1,0.25\n"
                              "B2,Z,50,1,0.25\n";

std::vector<std::string> keys(const nlohmann::ordered_json& j) {
    std::vector<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
    return out;
}

harmonise::CrosswalkApplyRequest apply_request(const Workdir& dir) {
    harmonise::CrosswalkApplyRequest request;
    request.crosswalk = dir.write("a_b.csv", kAtoB);
    request.data = dir.write("data.csv", "code,count\nA,10\nB,20\nX,5\n");
    request.id = "code";
    request.extensive = {"count"};
    request.output = {(dir.path / "out.csv").string(), "", ""};
    request.report = (dir.path / "report.json").string();
    return request;
}

}  // namespace

TEST_CASE("crosswalk apply operation: carried table, totals, report keys, summary and warnings") {
    Workdir dir;
    const harmonise::CrosswalkApplyRequest request = apply_request(dir);
    const harmonise::CrosswalkApplyResult result = harmonise::run(request, ProgressRange({}));

    CHECK(dir.read("out.csv") == "code,count\nA1,10\nB1,10\nB2,10\n");
    REQUIRE(result.carried.total_before.size() == 1);
    CHECK(result.carried.total_before[0] == 35);
    CHECK(result.carried.total_after[0] == 30);
    CHECK(result.carried.not_carried[0] == 5);
    CHECK(result.carried.ids_not_in_crosswalk == std::vector<std::string>{"X"});
    CHECK(result.weighting.weight == harmonise::ApplyWeight::Area);
    REQUIRE(result.outputs.size() == 1);
    CHECK(result.outputs[0].rows == 3);
    CHECK(result.outputs[0].format == "csv");

    const nlohmann::ordered_json j = result.to_json(request);
    CHECK(keys(j) == std::vector<std::string>{"command", "crosswalk", "data", "weight", "weight_chosen", "totals",
                                              "ids_not_in_crosswalk", "sources_not_in_data", "unbalanced_sources",
                                              "share_from_split_sources", "outputs"});
    CHECK(j["weight_chosen"] == "default");
    CHECK(j["totals"]["count"]["preserved"] == true);
    CHECK(j["share_from_split_sources"]["A1"] == 0.0);
    CHECK(j["share_from_split_sources"]["B1"] == 1.0);
    // The report file is the same JSON.
    CHECK(nlohmann::ordered_json::parse(dir.read("report.json")) == j);

    CHECK_THAT(result.summary(), StartsWith("weighting: area"));
    CHECK_THAT(result.summary(), Contains("\ncount: 35 before = 30 after + 5 not carried"));
    CHECK(result.summary().back() != '\n');
    CHECK(result.warnings == std::vector<std::string>{"1 data rows have ids the crosswalk does not know (not carried): X"});
}

TEST_CASE("crosswalk apply operation: a GeoJSON table without geometry, and bad requests") {
    Workdir dir;
    harmonise::CrosswalkApplyRequest request = apply_request(dir);
    request.output = {(dir.path / "out.dat").string(), "", "geojson"};
    request.report.clear();
    const harmonise::CrosswalkApplyResult result = harmonise::run(request, ProgressRange({}));
    CHECK(result.outputs.at(0).format == "geojson");
    CHECK(result.outputs.at(0).rows == 3);
    const std::string text = dir.read("out.dat");
    CHECK_THAT(text, Contains("\"code\": \"B2\", \"count\": 10.0 }, \"geometry\": null"));

    SECTION("no column to carry") {
        request.extensive.clear();
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
    }
    SECTION("an unknown weighting") {
        request.weight = "people";
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
    }
    SECTION("FlatGeobuf cannot hold a table without geometry: refused before any work") {
        request.output = {(dir.path / "out.fgb").string(), "", ""};
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
        CHECK_FALSE(fs::exists(dir.path / "out.fgb"));
    }
    SECTION("an unknown --of") {
        request.output = {(dir.path / "out.csv").string(), "", "xlsx"};
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
    }
    SECTION("a data column the table lacks is a data error, nothing written") {
        request.output = {(dir.path / "other.csv").string(), "", ""};
        request.extensive = {"persons"};
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), DataError);
        CHECK_FALSE(fs::exists(dir.path / "other.csv"));
    }
}

TEST_CASE("crosswalk chain operation: rows, links, report keys and summary; bad requests") {
    Workdir dir;
    harmonise::CrosswalkChainRequest request;
    request.crosswalks = {dir.write("a_b.csv", kAtoB), dir.write("b_c.csv", kBtoC)};
    request.output = (dir.path / "a_c.csv").string();
    request.report = (dir.path / "chain.json").string();
    const harmonise::CrosswalkChainResult result = harmonise::run(request, ProgressRange({}));
    CHECK(result.rows == 2);  // A -> Z, B -> Z
    REQUIRE(result.links.size() == 1);
    CHECK(result.links[0].discontinued.empty());
    CHECK(result.warnings.empty());
    CHECK(result.summary() == "chain: 2 rows");
    const nlohmann::ordered_json j = result.to_json(request);
    CHECK(keys(j) == std::vector<std::string>{"command", "crosswalks", "middle_gaps", "links", "rows"});
    CHECK(j["middle_gaps"] == "carried");
    CHECK(nlohmann::ordered_json::parse(dir.read("chain.json")) == j);
    CHECK_THAT(dir.read("a_c.csv"), StartsWith("from_id,to_id,area_m2,area_share_from,area_share_to\nA,Z,"));

    SECTION("one crosswalk is not a chain") {
        request.crosswalks.pop_back();
        request.output = (dir.path / "again.csv").string();
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
    }
    SECTION("the output exists") {
        CHECK_THROWS_AS(harmonise::run(request, ProgressRange({})), UsageError);
    }
}

}  // namespace crosswalk_operations_test
