// End-to-end tests of `regio atlas` on the small run of tests/data/atlas
// (indicators with disclosure control, a map, the atlas step): the pages it
// writes, determinism, escaping of a hostile region name, that no suppressed
// number appears anywhere in the site, and the errors.
#include "cli_checks.hpp"
#include "pipeline_fixtures.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <regex>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace atlas_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

const std::string kHostile = "<script>alert(\"pwned\")</script> & 'Süd' </title><img src=x onerror=alert(1)>";

// Every file of a site, by relative path.
std::map<std::string, std::string> site_files(const fs::path& site) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(site))
        if (e.is_regular_file()) files[fs::relative(e.path(), site).string()] = read_file(e.path());
    return files;
}

std::vector<std::string> split_commas(const std::string& line) {
    std::vector<std::string> cells;
    for (std::size_t s = 0, c; s <= line.size(); s = c + 1) {
        c = line.find(',', s);
        if (c == std::string::npos) c = line.size();
        cells.push_back(line.substr(s, c - s));
    }
    return cells;
}

// Numbers of the counts table, by region and column.
std::map<std::string, std::map<std::string, double>> counts() {
    std::ifstream in(data("atlas/counts.csv"));
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> columns = split_commas(line);
    std::map<std::string, std::map<std::string, double>> out;
    while (std::getline(in, line)) {
        const std::vector<std::string> cells = split_commas(line);
        for (std::size_t i = 1; i < cells.size(); ++i) out[cells[0]][columns[i]] = std::stod(cells[i]);
    }
    return out;
}

// Adds a step with one CSV output to the run's manifest, as `regio run` records it.
void add_step(const fs::path& out, const std::string& name, const std::string& run, const std::string& file, const std::string& csv) {
    write_file(out / file, csv);
    const RunResult sum = run_program("/usr/bin/sha256sum", {(out / file).string()});
    REQUIRE(sum.exit_code == 0);
    nlohmann::ordered_json manifest;
    {
        std::ifstream in(out / "manifest.json");
        manifest = nlohmann::ordered_json::parse(in);
    }
    manifest["steps"].push_back({{"name", name}, {"run", run}, {"command", nlohmann::ordered_json::array()}, {"exit_code", 0},
                                 {"outputs", {{{"key", "output"}, {"path", (out / file).string()}, {"sha256", sum.out.substr(0, 64)}}}}});
    write_file(out / "manifest.json", manifest.dump(2) + "\n");
}

// The text of a number as a token: not inside a longer number.
bool has_token(const std::string& text, const std::string& token) {
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + 1)) {
        const bool before = at > 0 && (std::isdigit(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '.');
        const std::size_t end = at + token.size();
        const bool after = end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]));
        if (!before && !after) return true;
    }
    return false;
}

// Path data are coordinates, not values: left out of the search.
std::string without_paths(const std::string& text) { return std::regex_replace(text, std::regex(" d=\"[^\"]*\""), " d=\"\""); }

}  // namespace

TEST_CASE("atlas: the pages of a run, valid and escaped", "[cli][atlas]") {
    TempDir tmp;
    const fs::path out = run_atlas_test_pipeline(tmp);
    const fs::path site = out / "atlas";
    for (const char* file : {"index.html", "regions.html", "method.html", "assets/atlas.css", "assets/atlas.js", "maps/base.svg",
                             "indicators/foreign_share--foreign.html", "indicators/employment_rate--national.html",
                             "indicators/employment_rate--foreign.html", "indicators/employment_rate--foreign_gap.html",
                             "regions/A1.html", "regions/A2.html", "regions/A5.html", "downloads/indicators.csv", "downloads/map_foreign.gpkg"})
        CHECK(fs::exists(site / file));
    // The downloads are the run's outputs, byte for byte.
    CHECK(read_file(site / "downloads/indicators.csv") == read_file(out / "indicators.csv"));
    const auto files = site_files(site);
    for (const auto& [name, text] : files) {
        if (fs::path(name).extension() != ".html") continue;
        INFO(name);
        CHECK(text.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
        CHECK(count_of(text, "<title>") == 1);
        // The hostile name never appears raw; only the site's own script tag.
        CHECK(text.find("<script>alert") == std::string::npos);
        CHECK(text.find("<img src=x") == std::string::npos);
        CHECK(count_of(text, "<script") == 1);
        CHECK(text.find("http://") == std::string::npos);
        CHECK(text.find("https://") == std::string::npos);
    }
    const std::string& profile = files.at("regions/A2.html");
    CHECK_THAT(profile, Contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &apos;Süd&apos; &lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(files.at("index.html"), Contains("Source: test data &lt;regio&gt; &amp; friends"));
    // An area profile: rank and the value of all regions together.
    CHECK_THAT(files.at("regions/A1.html"), Contains("Share of foreign citizens (all ages) (foreign): 22.7%, 1st highest of 3 regions."));
    const std::string& map_page = files.at("indicators/foreign_share--foreign.html");
    CHECK(count_of(map_page, "<a href=\"../regions/") == 5 + 5);  // map and table
    CHECK_THAT(map_page, Contains("confidential <span class=\"count\">(2)</span>"));
    // The report.
    std::ifstream in(out / "atlas.report.json");
    const auto report = nlohmann::json::parse(in);
    CHECK(report["pages"]["regions"] == 5);
    CHECK(report["pages"]["indicators"] == 4);
    CHECK(report["confidential_cells"].get<int>() > 0);
}

TEST_CASE("atlas: no suppressed number anywhere in the site", "[cli][atlas]") {
    TempDir tmp;
    const fs::path out = run_atlas_test_pipeline(tmp);
    const auto files = site_files(out / "atlas");
    std::string all;
    for (const auto& [name, text] : files) all += without_paths(text) + "\n";

    // The suppressed cells, from the published table; their values from the counts.
    const auto c = counts();
    std::ifstream in(out / "indicators.csv");
    std::string line;
    std::getline(in, line);
    std::size_t suppressed = 0;
    const auto rate = [&](const std::string& region, const std::string& num, const std::string& den) { return 100 * c.at(region).at(num) / c.at(region).at(den); };
    while (std::getline(in, line)) {
        if (line.find(",suppressed,") == std::string::npos) continue;
        ++suppressed;
        const std::string region = line.substr(0, line.find(','));
        std::vector<std::pair<std::string, double>> hidden;  // what must not appear
        if (line.find(",foreign_share,foreign,") != std::string::npos) {
            hidden.emplace_back("numerator", c.at(region).at("residents_sum_foreign"));
            hidden.emplace_back("value", rate(region, "residents_sum_foreign", "residents_sum"));
        } else if (line.find(",employment_rate,foreign,") != std::string::npos) {
            hidden.emplace_back("numerator", c.at(region).at("employed_sum_foreign"));
            hidden.emplace_back("denominator", c.at(region).at("working_age_sum_foreign"));
            hidden.emplace_back("value", rate(region, "employed_sum_foreign", "working_age_sum_foreign"));
        } else if (line.find(",employment_rate,foreign_gap,") != std::string::npos) {
            hidden.emplace_back("value", rate(region, "employed_sum_foreign", "working_age_sum_foreign") -
                                             rate(region, "employed_sum_national", "working_age_sum_national"));
        }
        for (const auto& [what, v] : hidden) {
            INFO(line << ": " << what << " " << v);
            const bool whole = std::fabs(v - std::round(v)) < 1e-9;
            if (whole) CHECK_FALSE(has_token(all, std::to_string(std::llround(v))));
            for (int decimals = 1; decimals <= 4 && !whole; ++decimals) {
                char text[64];
                std::snprintf(text, sizeof text, "%.*f", decimals, v);
                CHECK_FALSE(has_token(all, text));
            }
        }
    }
    CHECK(suppressed >= 4);
    // The search finds published values (so that it can fail).
    CHECK(has_token(all, "22.7"));
    CHECK(has_token(all, "12345"));
}

TEST_CASE("atlas: two runs give identical sites, and German pages", "[cli][atlas]") {
    TempDir tmp;
    const fs::path out = run_atlas_test_pipeline(tmp);
    // The same run published again, standalone, and once more over it.
    const fs::path again = tmp / "again";
    RunResult r = run_regio({"atlas", out.string(), "-o", again.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(site_files(again) == site_files(out / "atlas"));
    r = run_regio({"atlas", (out / "manifest.json").string(), "-o", again.string(), "--overwrite", "--quiet"});
    REQUIRE(r.exit_code == 0);
    CHECK(site_files(again) == site_files(out / "atlas"));
    CHECK(list_dir(tmp.path()) == std::vector<std::string>{"again", "out", "pipeline.toml"});  // no temporary left

    const fs::path german = tmp / "de";
    REQUIRE(run_regio({"atlas", out.string(), "-o", german.string(), "--lang", "de", "--title", "Testatlas", "--quiet"}).exit_code == 0);
    const std::string profile = read_file(german / "regions/A1.html");
    CHECK_THAT(profile, Contains("<html lang=\"de\">") && Contains("22,7 %") && Contains("1. höchster Wert von 3 Gebieten") && Contains("Testatlas"));
}

TEST_CASE("atlas: errors", "[cli][atlas]") {
    TempDir tmp;
    const fs::path out = run_atlas_test_pipeline(tmp);
    // An existing site needs --overwrite; a directory that is not an atlas is never replaced.
    expect_failure({"atlas", out.string(), "-o", (out / "atlas").string()}, 2, "exists", out,
                   list_dir(out));
    expect_failure({"atlas", out.string(), "-o", out.string(), "--overwrite"}, 2, "would replace the run directory", out, list_dir(out));
    const fs::path other = tmp.subdir("other");
    write_file(other / "keep.txt", "mine");
    expect_failure({"atlas", out.string(), "-o", other.string(), "--overwrite"}, 2, "is not an atlas written by regio", other, {"keep.txt"});
    expect_failure({"atlas", out.string(), "-o", (tmp / "s").string(), "--lang", "fr"}, 2, "--lang: 'fr'", tmp.path(),
                   {"other", "out", "pipeline.toml"});
    expect_failure({"atlas", (tmp / "nowhere").string(), "-o", (tmp / "s").string()}, 1, "no run manifest", tmp.path(),
                   {"other", "out", "pipeline.toml"});
    // The regions' path as a run in another directory recorded it.
    {
        const std::string manifest = read_file(out / "manifest.json");
        write_file(out / "manifest.json", std::regex_replace(manifest, std::regex("\"[^\"]*regions\\.geojson\""), "\"elsewhere/regions.geojson\""));
        expect_failure({"atlas", out.string(), "-o", (tmp / "s").string()}, 1, "the regions of map step map_foreign are not here", tmp.path(),
                       {"other", "out", "pipeline.toml"});
        write_file(out / "manifest.json", manifest);
    }
    // A published table changed after the run: its numbers are not what the manifest vouches for.
    write_file(out / "indicators.csv", read_file(out / "indicators.csv") + "\n");
    expect_failure({"atlas", out.string(), "-o", (tmp / "s").string()}, 1, "changed since the run", tmp.path(), {"other", "out", "pipeline.toml"});
}

TEST_CASE("atlas: segregation and validation pages appear when the run has them", "[cli][atlas]") {
    TempDir tmp;
    const fs::path out = run_atlas_test_pipeline(tmp);
    CHECK_FALSE(fs::exists(out / "atlas" / "segregation.html"));
    CHECK_FALSE(fs::exists(out / "atlas" / "validation.html"));
    CHECK(read_file(out / "atlas" / "index.html").find("segregation.html") == std::string::npos);
    add_step(out, "segregation", "segregation", "segregation.csv",
             "within,index,group,scale,bandwidth,value,expected,ci_low,ci_high,p_value\n"
             "city,dissimilarity,foreign,,,0.3141,0.02,0.29,0.33,0.001\n"
             "A2,dissimilarity,<b>foreign</b>,,,0.2718,0.03,0.25,0.29,0.01\n");
    add_step(out, "validation", "crosswalk apply", "validation_2021.csv",
             "indicator,median_ape,worst_ape\nforeign_share,1.23,4.56\n");
    const fs::path site = tmp / "site";
    const RunResult r = run_regio({"atlas", out.string(), "-o", site.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string segregation = read_file(site / "segregation.html");
    CHECK_THAT(segregation, Contains("0.3141") && Contains("&lt;b&gt;foreign&lt;/b&gt;") && Contains("downloads/segregation.csv"));
    CHECK_THAT(read_file(site / "validation.html"), Contains("4.56"));
    CHECK(fs::exists(site / "downloads" / "segregation.csv"));
    CHECK(fs::exists(site / "downloads" / "validation_2021.csv"));
    const std::string index = read_file(site / "index.html");
    CHECK_THAT(index, Contains("href=\"segregation.html\"") && Contains("href=\"validation.html\"") && Contains("validation_2021.csv"));
    CHECK_THAT(read_file(site / "method.html"), Contains("Dissimilarity D"));
    // German pages explain the indices, and what the site promises about
    // hidden values, in German.
    const fs::path german = tmp / "de";
    const RunResult de = run_regio({"atlas", out.string(), "-o", german.string(), "--lang", "de", "--quiet"});
    INFO("stderr: " << de.err);
    REQUIRE(de.exit_code == 0);
    const std::string methode = read_file(german / "method.html");
    CHECK_THAT(methode, Contains("<p>Segregationsindex D: der Anteil einer Gruppe, der umziehen müsste,"));
    CHECK_THAT(methode, Contains("<p>Ein gesperrter Wert, sein Zähler und sein Nenner stehen nirgends in diesem Atlas:"));
    CHECK(methode.find("Dissimilarity D") == std::string::npos);
}

TEST_CASE("atlas: the change between two vintages of the indicators", "[cli][atlas]") {
    TempDir tmp;
    // An earlier indicators step (the 2020 counts) before the current one.
    std::string text = read_file(data("atlas/pipeline.toml"));
    text = std::regex_replace(text, std::regex("DATA"), data("atlas"));
    const std::string earlier = "[[step]]\nname = \"indicators_2020\"\nrun = \"indicators\"\n[step.args]\ndata = \"" + data("atlas/counts_2020.csv") +
                                "\"\nid = \"area_id\"\ndefinitions = \"" + data("atlas/indicators.toml") + "\"\noutput = \"indicators_2020.csv\"\n\n";
    text.insert(text.find("[[step]]"), earlier);
    write_file(tmp / "pipeline.toml", text);
    const RunResult r = run_regio({"run", (tmp / "pipeline.toml").string(), "--out", (tmp / "out").string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    // A1: 10345 / 50321 = 20.558 % in 2020, 12345 / 54321 = 22.726 % now: +2.2 percentage points.
    const std::string map_page = read_file(tmp / "out" / "atlas" / "indicators" / "foreign_share--foreign.html");
    CHECK_THAT(map_page, Contains(">Change</button>") && Contains(">+2.2 pp</td>"));
    const std::string profile = read_file(tmp / "out" / "atlas" / "regions" / "A1.html");
    CHECK_THAT(profile, Contains("<th scope=\"col\">Change</th>") && Contains("<td>+2.2 pp</td>"));
    // Both tables are published.
    CHECK(fs::exists(tmp / "out" / "atlas" / "downloads" / "indicators_2020.csv"));
}

}  // namespace atlas_cli_test
