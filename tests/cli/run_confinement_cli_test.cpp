// Issue #12, pipeline confinement: `regio run` writes only inside its run
// directory (or under a directory the pipeline file allows explicitly), and
// replaces only files an earlier run of the same pipeline made. Both are
// checked before the first step runs; a refusal names the step, its line in
// the pipeline file and the path.
#include "cli_checks.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace run_confinement_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

// One [[step]] counting tests/data/points_edges.csv on regions_abc into `output`.
std::string count_step(const std::string& name, const std::string& output) {
    return "\n[[step]]\nname = \"" + name + "\"\nrun = \"aggregate points\"\n[step.args]\nregions = \"" + data("regions_abc.geojson") +
           "\"\nid = \"region_id\"\npoints = \"" + data("points_edges.csv") + "\"\npoints-crs = \"EPSG:3035\"\noutput = \"" + output +
           "\"\n";
}

// A pipeline of two steps; the second writes to `second_output` (the text
// of its output key). `head` goes into [pipeline].
std::string pipeline_text(const std::string& second_output, const std::string& head = "") {
    return "[pipeline]\nname = \"confined\"\n" + head + count_step("counts", "counts.csv") + count_step("again", second_output);
}

// The line of step "again" in pipeline_text() (1-based): its [[step]] header.
constexpr int kSecondStepLine = 14;

RunResult run_pipeline(const fs::path& toml, const fs::path& out) {
    return run_regio({"run", toml.string(), "--out", out.string(), "--quiet"});
}

void check_refused(const RunResult& r, const std::vector<std::string>& parts) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, StartsWith("regio: error: "));
    // Some line of stderr names everything: one line per problem.
    bool found = false;
    std::stringstream lines(r.err);
    for (std::string line; std::getline(lines, line);)
        found = found || std::all_of(parts.begin(), parts.end(), [&](const std::string& p) { return line.find(p) != std::string::npos; });
    CHECK(found);
    CHECK_THAT(r.err, Contains("nothing was run"));
}

}  // namespace

TEST_CASE("run confinement: '../' and absolute paths outside the run directory are refused before any step", "[cli][run]") {
    TempDir tmp;
    const fs::path out = tmp / "run";
    write_file(tmp / "unrelated.csv", "precious\n");
    const std::string who = "step again (line " + std::to_string(kSecondStepLine) + ")";
    SECTION("relative path climbing out") {
        write_file(tmp / "p.toml", pipeline_text("../unrelated.csv"));
        check_refused(run_pipeline(tmp / "p.toml", out), {who, "'" + (out / "../unrelated.csv").string() + "'", "outside the run directory"});
    }
    SECTION("absolute path") {
        write_file(tmp / "p.toml", pipeline_text((tmp / "unrelated.csv").string()));
        check_refused(run_pipeline(tmp / "p.toml", out), {who, (tmp / "unrelated.csv").string(), "allow_outside"});
    }
    SECTION("a symbolic link in the run directory pointing out") {
        fs::create_directories(out);
        fs::create_directory_symlink(tmp.path(), out / "link");
        write_file(tmp / "p.toml", pipeline_text("link/unrelated.csv"));
        check_refused(run_pipeline(tmp / "p.toml", out), {who, "outside the run directory"});
    }
    CHECK(read_file(tmp / "unrelated.csv") == "precious\n");
    CHECK(!fs::exists(out / "counts.csv"));
    CHECK(!fs::exists(out / "manifest.json"));
}

TEST_CASE("run confinement: allow_outside lets a step write under an absolute directory", "[cli][run]") {
    TempDir tmp;
    const fs::path out = tmp / "run";
    const fs::path shared = tmp.subdir("shared");
    write_file(tmp / "p.toml", pipeline_text((shared / "again.csv").string(), "allow_outside = [\"" + shared.string() + "\"]\n"));
    const RunResult r = run_pipeline(tmp / "p.toml", out);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(shared / "again.csv"));
    CHECK(fs::exists(out / "counts.csv"));
    // Made by this pipeline: a second run may replace it.
    const RunResult again = run_pipeline(tmp / "p.toml", out);
    INFO("stderr: " << again.err);
    CHECK(again.exit_code == 0);
}

TEST_CASE("run confinement: an existing file the pipeline did not make is never overwritten", "[cli][run]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("run");
    write_file(tmp / "p.toml", pipeline_text("again.csv"));
    write_file(out / "again.csv", "precious\n");
    check_refused(run_pipeline(tmp / "p.toml", out),
                  {"step again (line " + std::to_string(kSecondStepLine) + ")", (out / "again.csv").string(),
                   "not written by an earlier run of this pipeline"});
    CHECK(read_file(out / "again.csv") == "precious\n");
    CHECK(list_dir(out) == std::vector<std::string>{"again.csv"});

    // Its own files from an earlier run are replaced; another pipeline's manifest is not.
    fs::remove(out / "again.csv");
    RunResult r = run_pipeline(tmp / "p.toml", out);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string manifest = read_file(out / "manifest.json");
    CHECK_THAT(manifest, Contains("\"files\": [\n    \"again.csv\",\n    \"again.report.json\",\n    \"counts.csv\""));
    r = run_pipeline(tmp / "p.toml", out);
    CHECK(r.exit_code == 0);
    CHECK(read_file(out / "manifest.json") == manifest);
    write_file(tmp / "other.toml", pipeline_text("other.csv"));
    check_refused(run_pipeline(tmp / "other.toml", out), {"manifest.json", "written by the pipeline"});
    CHECK(read_file(out / "manifest.json") == manifest);
    CHECK(!fs::exists(out / "other.csv"));
}

}  // namespace run_confinement_cli_test
