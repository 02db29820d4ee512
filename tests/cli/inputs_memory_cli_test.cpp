// Issue #12, memory: allocations and sweeps that scale with an input's extent
// are sized before they are made. A cell table of two cells far apart used to
// allocate until std::bad_alloc (degurba) or sweep billions of empty cells
// (aggregate grid); now both stop at once with the size and the input named.
// The limit is REGIO_MAX_GRID_CELLS (default 500 million cells).
#include "cli_checks.hpp"
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace inputs_memory_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using Args = std::vector<std::string>;

namespace {

// Two 100 m cells 7000 km apart east-west and 5000 km north-south:
// 70,001 x 50,001 = 3.5 billion cells of extent.
const std::string kFarApart = "GRD_ID,T\nCRS3035RES100mN1000000E1000000,5\nCRS3035RES100mN6000000E8000000,7\n";
const std::string kMessage = "the grid of 2 cells spans 70001 x 50001 = 3.5e+09 cells of 100 m, more than the limit of "
                             "500000000 cells held in memory";

// Sets an environment variable for the regio processes this test starts.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) { ::setenv(name, value, 1); }
    ~ScopedEnv() { ::unsetenv(m_name); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
};

}  // namespace

TEST_CASE("memory: a cell table's extent is checked before the grid is swept or held", "[cli][memory]") {
    TempDir tmp;
    write_file(tmp / "far.csv", kFarApart);
    const std::string table = (tmp / "far.csv").string();
    const fs::path out = tmp.subdir("out");
    const auto start = std::chrono::steady_clock::now();
    SECTION("aggregate grid") {
        const RunResult r = expect_failure({"aggregate", "grid", "--regions", data("regions_grid.geojson"), "--id", "region_id",
                                            "--grid-table", table, "--cell-id", "GRD_ID", "--value", "T", "-o",
                                            (out / "r.csv").string(), "--report", (out / "r.json").string()},
                                           1, table + ": " + kMessage, out);
        CHECK_THAT(r.err, Contains("hint: its cells lie far apart (eastings 1000000 to 8000000, northings 1000000 to 6000000)"));
    }
    SECTION("degurba") {
        expect_failure({"degurba", "--grid-table", table, "--cell-id", "GRD_ID", "--value", "T", "-o", (out / "c.tif").string()}, 1,
                       table + ": " + kMessage, out);
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

TEST_CASE("memory: REGIO_MAX_GRID_CELLS sets the limit, also for rasters held whole", "[cli][memory]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    {
        ScopedEnv limit("REGIO_MAX_GRID_CELLS", "100");
        expect_failure({"degurba", "--grid", data("degurba_example_a.asc"), "-o", (out / "c.tif").string()}, 1,
                       data("degurba_example_a.asc") + ": the population grid spans", out);
    }
    {
        ScopedEnv limit("REGIO_MAX_GRID_CELLS", "lots");
        expect_failure({"degurba", "--grid", data("degurba_example_a.asc"), "-o", (out / "c.tif").string()}, 2,
                       "REGIO_MAX_GRID_CELLS='lots' is not a positive whole number", out);
    }
}

TEST_CASE("memory: running out of memory is one line, not std::bad_alloc", "[cli][memory]") {
    // Beyond the raised limit, under an address-space limit of 1 GiB:
    // degurba's grid of 3.5 billion cells cannot be allocated.
    const auto sh = find_on_path("sh");
    if (!sh) return;
    TempDir tmp;
    write_file(tmp / "far.csv", kFarApart);
    const fs::path out = tmp.subdir("out");
    const std::string command = "ulimit -v 1048576 && REGIO_MAX_GRID_CELLS=10000000000 exec \"$0\" degurba --grid-table \"$1\" "
                                "--cell-id GRD_ID --value T -o \"$2\"";
    const RunResult r = run_program(*sh, {"-c", command, REGIO_BINARY, (tmp / "far.csv").string(), (out / "c.tif").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "regio: error: out of memory: the inputs need more memory than is available\n"
                   "hint: run on a smaller extent or fewer inputs at once, or on a machine with more memory\n");
    CHECK(list_dir(out).empty());
}

}  // namespace inputs_memory_cli_test
