// End-to-end tests of the cell-key record keys of `regio aggregate points`
// (issue #17): exact key-sum columns for a fixed salt, the same records give
// the same cell key in two different tables, another salt gives other keys,
// the salt is written nowhere, and no salt is a usage error.
#include "aggregate_points_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace cell_key_points_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::points_cli;

namespace {

constexpr const char* kSalt = "s3cret-salt";

// The keyed table of points_edges.csv by group; salt from `salt_file`.
RunResult run_keyed(const fs::path& salt_file, const fs::path& out, const Args& extra) {
    Args args{"--record-id", "id", "--key-salt-file", salt_file.string(), "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out, args));
}

}  // namespace

TEST_CASE("cell keys: key sums per cell, consistent across tables, salt written nowhere", "[cli][points][cellkey]") {
    TempDir tmp;
    write_file(tmp / "salt.txt", std::string(kSalt) + "\n");
    const RunResult by_group = run_keyed(tmp / "salt.txt", tmp / "by_group.csv", {"--by", "group", "--report", (tmp / "r.json").string()});
    INFO("stderr: " << by_group.err);
    REQUIRE(by_group.exit_code == 0);
    CHECK(read_file(tmp / "by_group.csv") ==
          "region_id,count,count_NA,count_a,count_b,cellkey_count,cellkey_count_NA,cellkey_count_a,cellkey_count_b\n"
          "A,5,0,3,2,1688068043995365,0,1038432471091007,649635572904358\n"
          "B,2,0,1,1,6003414673648598,0,8456118149213465,6554495779176125\n"
          "C,3,0,1,2,5416676032813793,0,4798111660586681,618564372227112\n"
          "D,3,1,1,1,8806353236297320,2242589522853937,1259072748498071,5304690964945312\n"
          "E,0,0,0,0,0,0,0,0\n");
    // Another table of the same records: the same cell key for the same cells.
    const RunResult total = run_keyed(tmp / "salt.txt", tmp / "total.csv", {});
    REQUIRE(total.exit_code == 0);
    CHECK(read_file(tmp / "total.csv") ==
          "region_id,count,cellkey_count\n"
          "A,5,1688068043995365\nB,2,6003414673648598\nC,3,5416676032813793\nD,3,8806353236297320\nE,0,0\n");
    for (const char* name : {"by_group.csv", "total.csv", "r.json"}) {
        CAPTURE(name);
        CHECK(read_file(tmp / name).find(kSalt) == std::string::npos);
    }
    CHECK(by_group.err.find(kSalt) == std::string::npos);

    write_file(tmp / "other.txt", "another salt\n");
    const RunResult other = run_keyed(tmp / "other.txt", tmp / "other.csv", {});
    REQUIRE(other.exit_code == 0);
    CHECK_THAT(read_file(tmp / "other.csv"), !Contains("1688068043995365"));
}

TEST_CASE("cell keys: no salt is a usage error, and nothing is written", "[cli][points][cellkey]") {
    TempDir tmp;
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "out.csv",
                                          {"--record-id", "id", "--key-salt-file", (tmp / "missing.txt").string()}));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("cannot read the key salt file"));
    write_file(tmp / "empty.txt", "\n");
    const RunResult empty = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "out.csv",
                                              {"--key-salt-file", (tmp / "empty.txt").string()}));
    CHECK(empty.exit_code == 2);
    CHECK_THAT(empty.err, Contains("the key salt file is empty"));
    const RunResult bad_column = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "out.csv",
                                                   {"--record-id", "no_such", "--key-salt-file", (tmp / "empty.txt").string()}));
    CHECK(bad_column.exit_code == 2);
    CHECK(list_dir(tmp.path()) == Names{"empty.txt"});
}

TEST_CASE("cell keys: aggregate points then indicators with method = \"cell-key\", exact", "[cli][indicators][cellkey]") {
    TempDir tmp;
    write_file(tmp / "salt.txt", std::string(kSalt) + "\n");
    REQUIRE(run_keyed(tmp / "salt.txt", tmp / "counts.csv", {"--by", "group"}).exit_code == 0);
    write_file(tmp / "defs.toml", R"([disclosure]
method = "cell-key"
max_perturbation = 2
variance = 1
min_published = 2

[groups]
values = ["a", "b"]
reference = "a"
definition = "birth"

[[indicator]]
name = "share"
label = "Share of records"
age_band = "all"
numerator = "count_{group}"
denominator = "count"
total_numerator = "count"
total_denominator = "count"
scale = 100
gap = true
)");
    const Args args{"indicators", "--data", (tmp / "counts.csv").string(), "--id", "region_id", "--definitions",
                    (tmp / "defs.toml").string(), "-o", (tmp / "ind.csv").string(), "--report", (tmp / "ind.json").string(),
                    "--ptable-output", (tmp / "ptable.csv").string()};
    const RunResult r = run_regio(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string out = read_file(tmp / "ind.csv");
    CHECK(out.rfind("region,indicator,group,value,numerator,denominator,flag,definition,label\n"
                    "A,share,a,50,2,4,perturbed,birth,Share of records (all)\n"
                    "A,share,b,0,0,4,perturbed,birth,Share of records (all)\n"
                    "A,share,total,100,4,4,perturbed,birth,Share of records (all)\n",
                    0) == 0);
    CHECK(out.find(",1,") == std::string::npos);  // no published count in (0, 2)
    CHECK(out.find("suppressed") == std::string::npos);
    CHECK_THAT(r.err, Contains("flags: ok 0, suppressed 0, zero_denominator 4, no_data 0, perturbed 16\n"));
    CHECK_THAT(r.err, Contains("cell key: "));
    const std::string json = read_file(tmp / "ind.json");
    CHECK_THAT(json, Contains("\"hellinger_distance\": "));
    CHECK_THAT(json, Contains("\"cells_suppression_would_hide\": 12"));
    CHECK(json.find(kSalt) == std::string::npos);
    // The ptable used, for audit: cellKey's format, zeros stay zero, 1 moves to 0 or 2..3.
    const std::string ptable = read_file(tmp / "ptable.csv");
    CHECK(ptable.rfind("i,j,p,v,p_int_lb,p_int_ub,type\n0,0,1,0,0,1,all\n1,0,", 0) == 0);
    CHECK_THAT(ptable, Contains("\n1,3,"));
    CHECK_THAT(ptable, !Contains("\n1,1,"));
    // Twice: byte-identical.
    const Args again{"indicators", "--data", (tmp / "counts.csv").string(), "--id", "region_id", "--definitions",
                     (tmp / "defs.toml").string(), "-o", (tmp / "ind2.csv").string(), "-q"};
    REQUIRE(run_regio(again).exit_code == 0);
    CHECK(read_file(tmp / "ind2.csv") == out);
}

}  // namespace cell_key_points_cli_test
