// `regio indicators` with a method per indicator (issue #17): the foreign
// share perturbed by the cell-key method (the [disclosure] default), the
// employment rate suppressed (its own method). Exact table, summary and
// report; the perturbed counts were checked by an independent lookup of the
// key sums in the written ptable. Two indicators with different ptables
// cannot share one --ptable-output.
#include "cli_checks.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace indicators_methods_cli_test {

using namespace regio_test;

namespace {

const std::string kTable =
    "region,indicator,group,value,numerator,denominator,flag,definition,label\n"
    "A1,foreign_share,foreign,22.729699379613777,12347,54321,perturbed,citizenship,Share of foreign citizens (all ages)\n"
    "A1,employment_rate,national,74.07333333333334,22222,30000,ok,citizenship,Employment rate (20-64)\n"
    "A1,employment_rate,foreign,61.72222222222222,5555,9000,ok,citizenship,Employment rate (20-64)\n"
    "A1,employment_rate,foreign_gap,-12.4,,,ok,citizenship,\"Employment rate (20-64): foreign minus national, pp\"\n"
    "A2,foreign_share,foreign,2.284087753401833,987,43212,perturbed,citizenship,Share of foreign citizens (all ages)\n"
    "A2,employment_rate,national,75.66451612903226,23456,31000,ok,citizenship,Employment rate (20-64)\n"
    "A2,employment_rate,foreign,,,,suppressed,citizenship,Employment rate (20-64)\n"
    "A2,employment_rate,foreign_gap,,,,suppressed,citizenship,\"Employment rate (20-64): foreign minus national, pp\"\n"
    "A3,foreign_share,foreign,22.60860592302136,8764,38764,perturbed,citizenship,Share of foreign citizens (all ages)\n"
    "A3,employment_rate,national,79.94761904761904,16789,21000,ok,citizenship,Employment rate (20-64)\n"
    "A3,employment_rate,foreign,57.6,3456,6000,ok,citizenship,Employment rate (20-64)\n"
    "A3,employment_rate,foreign_gap,-22.3,,,ok,citizenship,\"Employment rate (20-64): foreign minus national, pp\"\n"
    "A4,foreign_share,foreign,17.164496309749218,4442,25879,perturbed,citizenship,Share of foreign citizens (all ages)\n"
    "A4,employment_rate,national,75.43888888888888,13579,18000,ok,citizenship,Employment rate (20-64)\n"
    "A4,employment_rate,foreign,,,,suppressed,citizenship,Employment rate (20-64)\n"
    "A4,employment_rate,foreign_gap,,,,suppressed,citizenship,\"Employment rate (20-64): foreign minus national, pp\"\n"
    "A5,foreign_share,foreign,14.892439942975084,6999,46997,perturbed,citizenship,Share of foreign citizens (all ages)\n"
    "A5,employment_rate,national,71.42857142857143,20000,28000,ok,citizenship,Employment rate (20-64)\n"
    "A5,employment_rate,foreign,59.98,2999,5000,ok,citizenship,Employment rate (20-64)\n"
    "A5,employment_rate,foreign_gap,-11.4,,,ok,citizenship,\"Employment rate (20-64): foreign minus national, pp\"\n";

std::vector<std::string> indicators_args(const fs::path& definitions, const fs::path& out, const std::vector<std::string>& extra) {
    std::vector<std::string> args{"indicators", "--data", data("atlas/counts_cell_key.csv"), "--id", "area_id", "--definitions",
                                  definitions.string(), "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("indicators: one indicator perturbed, another suppressed", "[cli][indicators][cellkey]") {
    TempDir tmp;
    RunResult r;
    const std::string table =
        run_and_read(indicators_args(data("atlas/indicators_cell_key.toml"), tmp / "out.csv", {"--report", (tmp / "r.json").string()}),
                     tmp / "out.csv", &r);
    CHECK(table == kTable);
    CHECK(r.err ==
          "indicators: 5 regions (0 parents) x 2 indicators -> 20 rows\n"
          "flags: ok 11, suppressed 4, zero_denominator 0, no_data 0, perturbed 5\n"
          "protection: foreign_share cell-key, employment_rate suppression\n"
          "cell key: 8 of 10 counts changed, mean |change| 1.500, max 3, Hellinger distance 0.016; suppression would have hidden 1 cells\n"
          "suppressed cells: primary 1, rate 0, secondary 1 (t_min 1000)\n");
    std::ifstream in(tmp / "r.json");
    const auto report = nlohmann::ordered_json::parse(in);
    const auto& protection = report.at("protection");
    REQUIRE(protection.size() == 2);
    CHECK(protection[0].at("indicator") == "foreign_share");
    CHECK(protection[0].at("method") == "cell-key");
    CHECK(protection[0].at("ptable").dump() == R"({"max_perturbation":3,"variance":2.0,"min_published":3,"p_stay":null})");
    CHECK(protection[0].at("counts_changed") == 8);
    CHECK(protection[1].dump() ==
          R"({"indicator":"employment_rate","method":"suppression","t_min":1000.0,"min_denominator":1000.0,)"
          R"("suppressed_cells":{"primary":1,"rate":0,"secondary":1}})");
    CHECK(report.at("cell_key").at("counts_perturbed") == 10);
    CHECK(!report.contains("warnings"));
}

TEST_CASE("indicators: an indicator's own ptable, and --ptable-output with two", "[cli][indicators][cellkey]") {
    TempDir tmp;
    // The foreign share's ptable written out, then given to the employment rate as its own file.
    REQUIRE(run_regio(indicators_args(data("atlas/indicators_cell_key.toml"), tmp / "a.csv", {"--ptable-output", (tmp / "pt.csv").string(), "-q"}))
                .exit_code == 0);
    std::string defs = read_file(data("atlas/indicators_cell_key.toml"));
    defs.replace(defs.find("method = \"suppression\""), std::string("method = \"suppression\"").size(),
                 "method = \"cell-key\"\nptable = \"pt.csv\"");
    write_file(tmp / "defs.toml", defs);
    RunResult r;
    const std::string table = run_and_read(indicators_args(tmp / "defs.toml", tmp / "b.csv", {}), tmp / "b.csv", &r);
    // Same ptable content, so the same perturbation as the default for the share; the rate is perturbed now.
    CHECK(table.find("A1,foreign_share,foreign,22.729699379613777,12347,54321,perturbed,") != std::string::npos);
    CHECK(table.find("suppressed") == std::string::npos);
    CHECK(count_of(table, ",perturbed,") == 20);
    CHECK(r.err.find("protection:") == std::string::npos);  // one method for all: no per-indicator line
    // Two ptables (a file and parameters) cannot be written as one.
    expect_failure(indicators_args(tmp / "defs.toml", tmp / "c.csv", {"--ptable-output", (tmp / "pt2.csv").string()}), 2,
                   "--ptable-output writes one perturbation table, but the indicators use different ones", tmp.path(),
                   {"a.csv", "b.csv", "defs.toml", "pt.csv"});
}

}  // namespace indicators_methods_cli_test
