// Berlin with cell-key protection (geodata/berlin/pipeline_cell_key.toml,
// issue #17) on the committed extract and freshly generated synthetic address
// records: every one of the 448 planning areas and 12 districts published, no
// count in (0, 3), every count within D = 5 of the real register, the same
// count perturbed alike in two tables, the utility figures in the reports,
// the salt written nowhere, and byte-identical re-runs.
//
// What this can and cannot show: Berlin publishes aggregated tables, so the
// record keys belong to the synthetic addresses (which reproduce the register
// exactly per planning area). The test shows the method on Berlin's real
// geography and counts, not the noise the office would publish.
#include "pipeline_fixtures.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace berlin_cell_key_cli_test {

using namespace regio_test;

namespace {

const fs::path kSource = source_dir();
constexpr const char* kSalt = "berlin-release-2020-secret";

std::string cell_key_pipeline(const fs::path& records, const fs::path& salt_file) {
    std::string text = read_file(kSource / "geodata" / "berlin" / "pipeline_cell_key.toml");
    text = std::regex_replace(text, std::regex("\"geodata/berlin/addresses_2020.csv\""), "\"" + records.string() + "\"");
    text = std::regex_replace(text, std::regex("\"geodata/berlin/"), "\"" + (kSource / "geodata" / "berlin").string() + "/");
    return std::regex_replace(text, std::regex("record-id = \"address_id\""),
                              "record-id = \"address_id\"\nkey-salt-file = \"" + salt_file.string() + "\"");
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream in(line);
    for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

// Rows of a CSV without quoted fields, by header name.
std::vector<std::map<std::string, std::string>> read_rows(const fs::path& path) {
    std::istringstream in(read_file(path));
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split(line);
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        // The label is the last column and may be quoted: cut it off.
        const std::vector<std::string> fields = split(line);
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < header.size() && c < fields.size(); ++c) row[header[c]] = fields[c];
        rows.push_back(row);
    }
    return rows;
}

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("berlin: cell-key protection, every planning area and district published", "[cli][run][berlin][cellkey]") {
    TempDir tmp;
    const fs::path records = tmp / "addresses_2020.csv";
    if (!make_berlin_records(records)) return;
    write_file(tmp / "salt.txt", std::string(kSalt) + "\n");
    write_file(tmp / "pipeline.toml", cell_key_pipeline(records, tmp / "salt.txt"));

    std::map<std::string, std::string> first;  // file -> content of the first run
    for (const char* out_name : {"out1", "out2"}) {
        const fs::path out = tmp / out_name;
        const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--out", out.string(), "--quiet"});
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.find(kSalt) == std::string::npos);
        for (const auto& entry : fs::directory_iterator(out)) {
            const std::string name = entry.path().filename().string();
            // Reports and the manifest name the run directory: compared without
            // it; the aggregate steps' reports without their timings.
            std::string text = std::regex_replace(read_file(entry.path()), std::regex(out.string()), "OUT");
            if (name.size() > 12 && name.substr(name.size() - 12) == ".report.json") {
                nlohmann::ordered_json report = nlohmann::ordered_json::parse(text);
                CHECK(report.erase("timings") == 1);
                text = report.dump();
            }
            CAPTURE(name);
            CHECK(text.find(kSalt) == std::string::npos);
            if (name == "timings.json") continue;
            if (first.count(name)) CHECK(text == first[name]);  // byte-identical re-runs
            else first[name] = text;
        }
    }
    const fs::path out = tmp / "out1";

    // The real register's counts per planning area and district.
    std::map<std::string, std::map<std::string, std::string>> register_rows;
    for (const char* file : {"register_2020-12_planning-areas.csv", "register_2020-12_districts.csv"})
        for (auto& row : read_rows(kSource / "geodata" / "berlin" / file)) register_rows[row["id"]] = row;

    struct Table {
        const char* file;
        std::size_t regions;
        std::size_t groups;
    };
    std::map<std::string, std::string> denominators;  // region -> published inhabitants, shared by the tables
    for (const Table& t : {Table{"indicators_citizenship_planning_areas.csv", 448, 1}, Table{"indicators_origin_planning_areas.csv", 448, 10},
                           Table{"indicators_citizenship_districts.csv", 12, 1}, Table{"indicators_origin_districts.csv", 12, 10}}) {
        CAPTURE(t.file);
        const auto rows = read_rows(out / t.file);
        CHECK(rows.size() == t.regions * t.groups);
        std::set<std::string> regions;
        std::size_t changed = 0;
        for (const auto& row : rows) {
            CAPTURE(row.at("region"), row.at("group"));
            regions.insert(row.at("region"));
            CHECK(row.at("flag") == "perturbed");
            REQUIRE(register_rows.count(row.at("region")));
            const auto& reg = register_rows.at(row.at("region"));
            const double num = std::stod(row.at("numerator")), den = std::stod(row.at("denominator"));
            for (const double v : {num, den}) CHECK((v == 0 || v >= 3));  // none in (0, js)
            const double true_num = std::stod(reg.at("inhabitants_" + row.at("group")));
            const double true_den = std::stod(reg.at("inhabitants"));
            CHECK(std::abs(num - true_num) <= 5);  // within D of the register
            CHECK(std::abs(den - true_den) <= 5);
            changed += num != true_num;
            // The same count of the same addresses: the same noise in every table.
            auto [at, fresh] = denominators.emplace(row.at("region"), row.at("denominator"));
            if (!fresh) CHECK(at->second == row.at("denominator"));
        }
        CHECK(regions.size() == t.regions);  // every area published
        CHECK(changed > 0);
    }
    CHECK(denominators.size() == 448 + 12);

    const auto report = read_json(out / "indicators_origin_planning_areas.json");
    const auto& ck = report.at("cell_key");
    CHECK(ck.at("min_published") == 3);
    CHECK(ck.at("max_perturbation") == 5);
    CHECK(ck.at("counts_perturbed") == 448 * 10 * 2);
    CHECK(ck.at("max_abs_perturbation").get<int>() <= 5);
    CHECK(ck.at("counts_changed").get<int>() > 0);
    CHECK(ck.at("hellinger_distance").get<double>() > 0);
    CHECK(ck.at("cells_suppression_would_hide").get<int>() > 0);  // what suppression would have hidden
    CHECK(report.at("flags").at("suppressed") == 0);
    CHECK(report.at("protection").at(0).at("method") == "cell-key");
    // The ptable written for audit: cellKey's format, the table of D = 5, V = 3, min_published = 3.
    CHECK(read_file(out / "ptable_D5_V3_js3.csv").rfind("i,j,p,v,p_int_lb,p_int_ub,type\n0,0,1,0,0,1,all\n", 0) == 0);
}

}  // namespace berlin_cell_key_cli_test
