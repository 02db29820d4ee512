// The demo pipeline with cell-key protection (geodata/demo/pipeline_cell_key.toml,
// issue #17) on freshly generated demo data: every district published, no
// count in (0, min_published), the utility figures in the report, the salt
// written nowhere, and byte-identical re-runs.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace cell_key_demo_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

const fs::path kSource = fs::path(REGIO_TEST_DATA).parent_path().parent_path();
constexpr const char* kSalt = "demo-release-2024-secret";

// The shipped pipeline pointed at the generated data, the salt from a file.
std::string cell_key_pipeline(const fs::path& demo, const fs::path& salt_file) {
    std::string text = read_file(kSource / "geodata" / "demo" / "pipeline_cell_key.toml");
    text = std::regex_replace(text, std::regex("\"geodata/demo/indicators_cell_key.toml\""),
                              "\"" + (kSource / "geodata" / "demo" / "indicators_cell_key.toml").string() + "\"");
    text = std::regex_replace(text, std::regex("\"geodata/demo/"), "\"" + demo.string() + "/");
    return std::regex_replace(text, std::regex("record-id = \"address_id\""),
                              "record-id = \"address_id\"\nkey-salt-file = \"" + salt_file.string() + "\"");
}

}  // namespace

TEST_CASE("cell key: the demo pipeline, every district published", "[cli][run][cellkey]") {
    const fs::path generator = fs::path(REGIO_BINARY).parent_path() / "regio-make-demo";
    if (!fs::exists(generator)) {
        WARN("regio-make-demo is not built: skipped");
        return;
    }
    TempDir tmp;
    const fs::path demo = tmp.subdir("demo");
    REQUIRE(run_program(generator.string(), {"--out", demo.string()}).exit_code == 0);
    write_file(tmp / "salt.txt", std::string(kSalt) + "\n");
    write_file(tmp / "pipeline.toml", cell_key_pipeline(demo, tmp / "salt.txt"));
    std::string first;
    for (const char* out_name : {"out1", "out2"}) {
        const fs::path out = tmp / out_name;
        const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--out", out.string(), "--quiet"});
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        const std::string csv = read_file(out / "indicators_cell_key.csv");
        if (first.empty()) first = csv;
        CHECK(csv == first);  // byte-identical re-runs
        for (const auto& entry : fs::directory_iterator(out)) CHECK(read_file(entry.path()).find(kSalt) == std::string::npos);
    }
    // 21 districts x (1 + 6 + 6 rows: groups, total, gaps): all perturbed, none suppressed, no count in (0, 3).
    std::istringstream lines(first);
    std::string line;
    std::getline(lines, line);
    std::size_t rows = 0;
    while (std::getline(lines, line)) {
        ++rows;
        CHECK_THAT(line, Contains(",perturbed,"));
        std::vector<std::string> fields;
        std::stringstream split(line);
        for (std::string f; std::getline(split, f, ',');) fields.push_back(f);
        for (std::size_t c : {4u, 5u})
            if (!fields[c].empty()) CHECK((std::stod(fields[c]) == 0 || std::stod(fields[c]) >= 3));
    }
    CHECK(rows == 21 * 13);
    std::ifstream in(tmp / "out1" / "indicators_cell_key.json");
    const nlohmann::json report = nlohmann::json::parse(in);
    const auto& ck = report.at("cell_key");
    CHECK(ck.at("min_published") == 3);
    CHECK(ck.at("max_abs_perturbation").get<int>() <= 4);
    CHECK(ck.at("counts_changed").get<int>() > 0);
    CHECK(ck.at("hellinger_distance").get<double>() > 0);
    CHECK(report.at("flags").at("suppressed") == 0);
}

}  // namespace cell_key_demo_cli_test
