// End-to-end tests of `regio indicators` on tests/data/indicators_counts.csv
// (three NUTS 3 regions AT111, AT112 (parent column "west") and AT121
// ("east"), counts of employed, working-age and unemployed by citizenship)
// with tests/data/indicators.toml (t_min 10; employment rate with a total and
// gaps vs national; unemployment rate over the labour force, a sum of two
// columns, for national and non_eu). Outputs are compared byte for byte with
// tests/cli/expected/indicators*.csv, which were checked by hand:
//
//   AT112 eu employed 4: primary; AT121 eu 25 of 30: complement 5 (rate);
//   AT121 non_eu employed empty: no_data. Without rollup the row AT112 needs a
//   partner: non_eu (50 < 300); the columns then hold two hidden cells each.
//   The unemployment rate of AT112 non_eu uses employed_sum_non_eu, hidden by
//   the employment rate, so it is suppressed too. With --rollup nuts, AT11 =
//   AT111 + AT112 and AT1 = AT11 + AT12 are margins: AT111 eu, AT11 eu, AT111
//   non_eu, AT11 non_eu follow; AT1 and AT publish eu 89 / 116 and the gap
//   76.72 - 78.95 = -2.2 pp.
//
// Failing runs leave nothing behind in their output directory.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace indicators_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

Args indicators_cmd(const std::string& definitions, const fs::path& output, const Args& extra = {}, const std::string& id = "region") {
    Args args{"indicators", "--data", data("indicators_counts.csv"), "--id", id, "--definitions", data(definitions),
              "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("indicators: exact CSV and report on the fixture", "[cli][indicators]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const RunResult r = run_regio(indicators_cmd("indicators.toml", out / "ind.csv", {"--report", (out / "report.json").string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out / "ind.csv") == read_file(expected("indicators.csv")));
    CHECK(list_dir(out) == Names{"ind.csv", "report.json"});
    CHECK(r.err == "indicators: 3 regions (0 parents) x 2 indicators -> 24 rows\n"
                   "flags: ok 14, suppressed 7, zero_denominator 0, no_data 3\n"
                   "suppressed cells: primary 1, rate 1, secondary 2 (t_min 10)\n");
    const std::string json = read_file(out / "report.json");
    INFO(json);
    CHECK_THAT(json, Contains("\"command\": \"indicators\"") && Contains("\"definition\": \"citizenship\"") &&
                         Contains("\"mode\": \"none\""));
    CHECK(json_number(json, "inputs", "data_rows") == 3);
    CHECK(json_number(json, "flags", "ok") == 14);
    CHECK(json_number(json, "flags", "suppressed") == 7);
    CHECK(json_number(json, "flags", "no_data") == 3);
    CHECK(json_number(json, "suppressed_cells", "primary") == 1);
    CHECK(json_number(json, "suppressed_cells", "rate") == 1);
    CHECK(json_number(json, "suppressed_cells", "secondary") == 2);

    // Same inputs, same bytes; --quiet silences the summary.
    const RunResult again = run_regio(indicators_cmd("indicators.toml", out / "ind.csv", {"--overwrite", "--quiet"}));
    CHECK(again.exit_code == 0);
    CHECK(again.err.empty());
    CHECK(read_file(out / "ind.csv") == read_file(expected("indicators.csv")));
}

TEST_CASE("indicators: rollup by NUTS prefix and by a parent column", "[cli][indicators]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const RunResult r = run_regio(indicators_cmd("indicators.toml", out / "nuts.csv",
                                                 {"--rollup", "nuts", "--report", (out / "nuts.json").string(), "-q"}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out / "nuts.csv") == read_file(expected("indicators_nuts.csv")));
    const std::string json = read_file(out / "nuts.json");
    CHECK(json_number(json, "rollup", "parent_regions") == 4);
    CHECK(json_number(json, "suppressed_cells", "secondary") == 8);

    const RunResult f = run_regio(indicators_cmd("indicators.toml", out / "field.csv", {"--rollup", "parent", "-q"}));
    REQUIRE(f.exit_code == 0);
    const std::string csv = read_file(out / "field.csv");
    // west = AT111 + AT112: the same counts as AT11 above; east = AT121.
    CHECK_THAT(csv, Contains("\nwest,employment_rate,national,79.54545454545455,700,880,ok,citizenship,Employment rate (20-64)\n"));
    CHECK_THAT(csv, Contains("\nwest,employment_rate,eu,,,,suppressed,"));
    CHECK_THAT(csv, Contains("\neast,employment_rate,total,75.75757575757575,250,330,ok,"));
    CHECK_THAT(csv, Contains("\neast,unemployment_rate,non_eu,,,,no_data,citizenship,Unemployment rate (20-64)\n"));
    CHECK(line_starting_with(csv, "AT121,unemployment_rate,non_eu,") ==
          std::optional<std::string>("AT121,unemployment_rate,non_eu,,,,no_data,citizenship,Unemployment rate (20-64)"));
}

TEST_CASE("indicators: bad definitions, missing columns and ids fail cleanly", "[cli][indicators]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    auto failing = [&](const Args& args, int code, const std::string& message) {
        const RunResult r = run_regio(args);
        INFO("stderr: " << r.err);
        CHECK(r.exit_code == code);
        CHECK_THAT(r.err, StartsWith("regio: error: "));
        CHECK_THAT(r.err, Contains(message));
        CHECK(list_dir(out).empty());  // no output, no report, no temporary file
    };
    const std::string report = (out / "r.json").string();
    failing(indicators_cmd("indicators_bad_key.toml", out / "x.csv", {"--report", report}), 1,
            "indicators_bad_key.toml: line 16: field 'indicator.nmerator': unknown key 'nmerator' in [[indicator]] 1 'employment_rate'");
    failing(indicators_cmd("indicators_missing_column.toml", out / "x.csv", {"--report", report}), 1,
            "indicators_counts.csv: field 'inactive_sum_national': no column 'inactive_sum_national' (needed by indicator "
            "'unemployment_rate', numerator, group 'national' in ");
    failing(indicators_cmd("indicators.toml", out / "x.csv", {"--rollup", "district"}), 1, "no column 'district'");
    failing(indicators_cmd("indicators.toml", out / "x.csv", {}, "parent"), 1,
            "indicators_counts.csv: line 3: field 'parent': duplicate region id 'west'");
    failing(indicators_cmd("indicators.toml", out / "x.csv", {"--rollup", "nuts"}, "parent"), 1,
            "indicators_counts.csv: line 2: field 'parent': 'west' is not a NUTS code");
    failing(indicators_cmd("no_such.toml", out / "x.csv"), 1, "no_such.toml: cannot read the definitions file");
    failing(indicators_cmd("indicators.toml", out / "x.gpkg"), 2, "GeoPackage output needs the region geometry");
    failing(indicators_cmd("indicators.toml", out / "x.gpkg"), 2, "hint: add --regions FILE[:LAYER]");
    failing(indicators_cmd("indicators.toml", out / "x.txt"), 2, "name the output .csv or .gpkg");
    failing(indicators_cmd("indicators.toml", out / "x.gpkg", {"--regions", data("indicators_regions.geojson")}), 1,
            "nuts_id");  // the default id field 'region' is not in the regions: the error lists the fields

    // An existing output is kept without --overwrite.
    write_file(out / "x.csv", "keep\n");
    const RunResult r = run_regio(indicators_cmd("indicators.toml", out / "x.csv"));
    CHECK(r.exit_code == 2);
    CHECK(read_file(out / "x.csv") == "keep\n");
    CHECK(list_dir(out) == Names{"x.csv"});
}

TEST_CASE("indicators: wide GeoPackage with --regions", "[cli][indicators]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path gpkg = out / "wide.gpkg";
    const RunResult r = run_regio(indicators_cmd("indicators.toml", gpkg,
                                                 {"--rollup", "nuts", "--regions", data("indicators_regions.geojson"),
                                                  "--regions-id", "nuts_id", "-q"}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(list_dir(out) == Names{"wide.gpkg"});
    const auto sqlite3 = find_on_path("sqlite3");
    if (!sqlite3) {
        WARN("sqlite3 is not on PATH: GeoPackage contents not checked");
        return;
    }
    auto query = [&](const std::string& sql) {
        const RunResult q = run_program(*sqlite3, {gpkg.string(), sql});
        INFO("sqlite3: " << q.err);
        REQUIRE(q.exit_code == 0);
        return q.out;
    };
    // Columns: the id, then per indicator x group (and gap) a value and a flag.
    const std::string columns = query("SELECT group_concat(name, ',') FROM pragma_table_info('wide')");
    for (const char* column : {"region", "employment_rate_national", "employment_rate_national_flag", "employment_rate_eu",
                               "employment_rate_eu_flag", "employment_rate_total", "employment_rate_non_eu_gap",
                               "employment_rate_non_eu_gap_flag", "unemployment_rate_non_eu", "unemployment_rate_non_eu_flag"})
        CHECK_THAT("," + columns.substr(0, columns.size() - 1) + ",", Contains(std::string(",") + column + ","));
    // One feature per region: the regions' order, then the parents without geometry.
    CHECK(query("SELECT region || '|' || (geom IS NULL) FROM wide ORDER BY fid") ==
          "AT121|0\nAT111|0\nAT112|0\nAT11|1\nAT12|1\nAT1|1\nAT|1\n");
    // Suppressed and no_data values are NULL, with their flag; ok values are there.
    CHECK(query("SELECT count(*) FROM wide WHERE employment_rate_eu_flag != 'ok' AND employment_rate_eu IS NOT NULL") == "0\n");
    CHECK(query("SELECT count(*) FROM wide WHERE employment_rate_eu_flag = 'ok' AND employment_rate_eu IS NULL") == "0\n");
    CHECK(query("SELECT employment_rate_eu_flag || '|' || (employment_rate_eu IS NULL) FROM wide WHERE region = 'AT112'") ==
          "suppressed|1\n");
    CHECK(query("SELECT employment_rate_non_eu_flag || '|' || (employment_rate_non_eu IS NULL) FROM wide WHERE region = 'AT121'") ==
          "no_data|1\n");
    CHECK(query("SELECT employment_rate_eu_flag || '|' || round(employment_rate_eu, 4) FROM wide WHERE region = 'AT1'") ==
          "ok|76.7241\n");
    CHECK(query("SELECT employment_rate_national_flag || '|' || round(employment_rate_national, 4) FROM wide WHERE region = 'AT11'") ==
          "ok|79.5455\n");
}

TEST_CASE("indicators: help", "[cli][indicators]") {
    const RunResult r = run_regio({"indicators", "--help"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("--definitions") && Contains("--rollup") && Contains("region,indicator,group,value"));
}

}  // namespace indicators_cli_test
