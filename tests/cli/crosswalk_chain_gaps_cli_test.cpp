// `crosswalk chain` across vintages where units disappear (issue #18, item
// 9): middle units without a successor are carried as discontinued, those
// without a predecessor as new, both named and counted; --strict refuses.
//   A->B: A->X, B->Y, C->Z, D->U        B->C: X->P, Y->P, Z->Q, V->Q
// U has no successor (D leaves the chain), V no predecessor (Q gets only C).
#include "cli_checks.hpp"
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_chain_gaps_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

const char* kHeader = "from_id,to_id,area_m2,area_share_from,area_share_to\n";

struct Tables {
    TempDir tmp;
    fs::path ab, bc;
    explicit Tables(const std::string& d_rows = "D,U,20,1,1\n") {
        ab = tmp / "ab.csv";
        bc = tmp / "bc.csv";
        write_file(ab, std::string(kHeader) + "A,X,100,1,1\nB,Y,300,1,1\nC,Z,50,1,1\n" + d_rows);
        write_file(bc, std::string(kHeader) + "V,Q,50,1,0.5\nX,P,100,1,0.25\nY,P,300,1,0.75\nZ,Q,50,1,0.5\n");
    }
};

}  // namespace

TEST_CASE("crosswalk chain: discontinued and new middle units are carried and reported", "[cli][crosswalk][chain]") {
    Tables t;
    const fs::path out = t.tmp / "ac.csv", report = t.tmp / "report.json";
    const RunResult r = run_regio({"crosswalk", "chain", t.ab.string(), t.bc.string(), "-o", out.string(), "--report", report.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out) == std::string(kHeader) + "A,P,100,1,0.25\nB,P,300,1,0.75\nC,Q,50,1,1\n");
    CHECK(r.err == "chain: 3 rows\n"
                   "regio: warning: " + t.bc.string() + ": 1 units of the middle vintage have no successor (discontinued: U); "
                   "1 sources going into them are not carried (--strict refuses this)\n"
                   "regio: warning: " + t.bc.string() + ": 1 units of the middle vintage have no predecessor (new: V); "
                   "their targets get nothing from the chain (--strict refuses this)\n");
    const auto j = nlohmann::json::parse(read_file(report));
    CHECK(j["middle_gaps"] == "carried");
    CHECK(j["links"][0]["middle_discontinued"] == nlohmann::json::array({"U"}));
    CHECK(j["links"][0]["middle_new"] == nlohmann::json::array({"V"}));
    CHECK(j["links"][0]["sources_dropped"] == nlohmann::json::array({"D"}));
}

TEST_CASE("crosswalk chain --strict: middle units without a successor are refused", "[cli][crosswalk][chain][bad]") {
    Tables t;
    expect_failure({"crosswalk", "chain", t.ab.string(), t.bc.string(), "-o", (t.tmp / "ac.csv").string(), "--strict"}, 1,
                   t.bc.string() + ": units U of the middle vintage are not sources in it", t.tmp.path(), {"ab.csv", "bc.csv"});
}

TEST_CASE("crosswalk chain: a source going only partly into discontinued units is refused", "[cli][crosswalk][chain][bad]") {
    Tables t("D,U,10,0.5,1\nD,Z,10,0.5,0.1666666666666667\n");
    expect_failure({"crosswalk", "chain", t.ab.string(), t.bc.string(), "-o", (t.tmp / "ac.csv").string()}, 1,
                   "source 'D' goes only partly into discontinued units", t.tmp.path(), {"ab.csv", "bc.csv"});
}

}  // namespace crosswalk_chain_gaps_cli_test
