// Issue #12, signals: SIGINT, SIGTERM and SIGHUP at any moment (reading,
// computing, writing) end regio with 128 + the signal's number and leave no
// output and no temporary file; `regio run` forwards the signal to its step,
// waits for it, records the interruption in the manifest and leaves no
// process behind (also when it is killed outright).
#include "cli_checks.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace signals_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace std::chrono_literals;

namespace {

using Args = std::vector<std::string>;

const fs::path kSharedData = fs::path(REGIO_TEST_DATA).parent_path().parent_path().parent_path() / "shared" / "data";

// 10 million points, generated once per test run (about 160 MB, removed at exit).
const fs::path& ten_million_points() {
    static const TempDir dir;
    static const fs::path path = [] {
        const fs::path p = dir / "points.csv";
        write_points_csv(p, 10'000'000);
        return p;
    }();
    return path;
}

Args aggregate_cmd(const fs::path& out) {
    return {"aggregate", "points", "--regions", data("regions_grid.geojson"), "--id", "region_id", "--points",
            ten_million_points().string(), "--points-crs", "EPSG:3035", "-o", (out / "counts.gpkg").string(),
            "--report", (out / "report.json").string(), "--quiet"};
}

// A moment to send the signal: when the first temporary output appears in
// the watched directory (the write phase); otherwise after a delay, counted
// from when regio watches for signals (a signal before that, while the
// program is still being loaded, ends it by the default action, leaving
// nothing either) and stderr shows `after` (if given: a pipeline step starting).
struct Moment {
    std::chrono::milliseconds delay{0};
    bool write_phase = false;
    std::string after;
    [[nodiscard]] std::string text() const {
        return write_phase ? "write phase" : std::to_string(delay.count()) + " ms" + (after.empty() ? "" : " after '" + after + "'");
    }
};

RunResult interrupt_at(const Args& args, const fs::path& watched, const fs::path& logs, int sig, const Moment& moment) {
    TemporaryWatch watch(watched);
    StartedRegio regio(args, logs);
    if (moment.write_phase) {
        REQUIRE(watch.wait(60s));
    } else {
        REQUIRE(regio.wait_until_watching(30s));
        const auto end = std::chrono::steady_clock::now() + 60s;
        while (!moment.after.empty() && read_file(logs / "regio.stderr").find(moment.after) == std::string::npos) {
            REQUIRE(std::chrono::steady_clock::now() < end);
            std::this_thread::sleep_for(5ms);
        }
        std::this_thread::sleep_for(moment.delay);
    }
    regio.signal(sig);
    return regio.wait();
}

void check_interrupted(const RunResult& r, int sig, const char* name) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 128 + sig);
    CHECK_THAT(r.err, Contains("interrupted by " + std::string(name)));
}

// A pipeline whose one step counts the 10 million points.
std::string long_pipeline() {
    return "[pipeline]\nname = \"long\"\n\n[[step]]\nname = \"counts\"\nrun = \"aggregate points\"\n[step.args]\nregions = \"" +
           data("regions_grid.geojson") + "\"\nid = \"region_id\"\npoints = \"" + ten_million_points().string() +
           "\"\npoints-crs = \"EPSG:3035\"\noutput = \"counts.gpkg\"\n";
}

const std::vector<std::tuple<int, const char*, Moment>> kMoments{
    {SIGINT, "SIGINT", {100ms, false}},  {SIGTERM, "SIGTERM", {400ms, false}}, {SIGHUP, "SIGHUP", {250ms, false}},
    {SIGINT, "SIGINT", {0ms, true}},     {SIGTERM, "SIGTERM", {0ms, true}}};

}  // namespace

TEST_CASE("signals: aggregate points on 10 million points, interrupted at several moments, leaves nothing", "[cli][signals]") {
    for (const auto& [sig, name, moment] : kMoments) {
        INFO(name << " at " << moment.text());
        TempDir tmp;
        const fs::path out = tmp.subdir("out");
        const RunResult r = interrupt_at(aggregate_cmd(out), out, tmp.path(), sig, moment);
        check_interrupted(r, sig, name);
        CHECK(list_dir(out).empty());
    }
}

TEST_CASE("signals: an output being replaced stays untouched when the write phase is interrupted", "[cli][signals]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    write_file(out / "report.json", "precious\n");
    Args args = aggregate_cmd(out);
    args.push_back("--overwrite");
    const RunResult r = interrupt_at(args, out, tmp.path(), SIGTERM, {0ms, true});
    check_interrupted(r, SIGTERM, "SIGTERM");
    CHECK(list_dir(out) == std::vector<std::string>{"report.json"});
    CHECK(read_file(out / "report.json") == "precious\n");
}

TEST_CASE("signals: a Europe-wide crosswalk build, interrupted, leaves nothing", "[cli][signals]") {
    const fs::path from = kSharedData / "nuts" / "nuts_2016_03M_3035.gpkg";
    const fs::path to = kSharedData / "nuts" / "nuts_2021_03M_3035.gpkg";
    if (!fs::exists(from) || !fs::exists(to)) {
        WARN("../shared/data/nuts is absent: skipped");
        return;
    }
    for (const auto& [sig, name, moment] : std::vector<std::tuple<int, const char*, Moment>>{
             {SIGTERM, "SIGTERM", {30ms, false}}, {SIGINT, "SIGINT", {0ms, true}}, {SIGTERM, "SIGTERM", {0ms, true}}}) {
        INFO(name << " at " << moment.text());
        TempDir tmp;
        const fs::path out = tmp.subdir("out");
        const Args args{"crosswalk", "build", "--from", from.string() + ":nutsrg_3", "--from-id", "NUTS_ID", "--to",
                        to.string() + ":nutsrg_3", "--to-id", "NUTS_ID", "-o", (out / "cw.csv").string(), "--changes",
                        (out / "changes.csv").string(), "--gpkg", (out / "pieces.gpkg").string(), "--report",
                        (out / "report.json").string(), "--quiet"};
        const RunResult r = interrupt_at(args, out, tmp.path(), sig, moment);
        check_interrupted(r, sig, name);
        CHECK(list_dir(out).empty());
    }
}

TEST_CASE("signals: regio run forwards the signal to its step, records it and leaves no process", "[cli][signals][run]") {
    const std::string pipeline = long_pipeline();
    for (const auto& [sig, name, moment] : std::vector<std::tuple<int, const char*, Moment>>{
             {SIGINT, "SIGINT", {200ms, false, "== counts"}}, {SIGHUP, "SIGHUP", {500ms, false, "== counts"}},
             {SIGTERM, "SIGTERM", {0ms, true}}}) {
        INFO(name << " at " << moment.text());
        TempDir tmp;
        const fs::path out = tmp / "run";
        fs::create_directories(out);
        write_file(tmp / "p.toml", pipeline);
        const RunResult r = interrupt_at({"run", (tmp / "p.toml").string(), "--out", out.string()}, out, tmp.path(), sig, moment);
        INFO("stderr: " << r.err);
        CHECK(r.exit_code == 128 + sig);
        CHECK_THAT(r.err, Contains("interrupted by " + std::string(name)) && Contains("step counts"));
        CHECK(list_dir(out) == std::vector<std::string>{"manifest.json"});
        const std::string manifest = read_file(out / "manifest.json");
        CHECK_THAT(manifest, Contains("\"interrupted\"") && Contains(name) && Contains("\"exit_code\": " + std::to_string(128 + sig)));
        CHECK(processes_mentioning(tmp.path().string()).empty());
    }
}

TEST_CASE("signals: a step never outlives its run, even when the run is killed outright", "[cli][signals][run]") {
    TempDir tmp;
    const fs::path out = tmp / "run";
    fs::create_directories(out);
    write_file(tmp / "p.toml", long_pipeline());
    const RunResult r = interrupt_at({"run", (tmp / "p.toml").string(), "--out", out.string()}, out, tmp.path(), SIGKILL,
                                     {200ms, false, "== counts"});
    CHECK(r.exit_code == 128 + SIGKILL);
    // The step got SIGTERM from the kernel (PR_SET_PDEATHSIG) and cleaned up.
    const auto end = std::chrono::steady_clock::now() + 10s;
    while (!processes_mentioning(ten_million_points().string()).empty() && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(20ms);
    CHECK(processes_mentioning(ten_million_points().string()).empty());
    CHECK(temporaries_in(out).empty());
    CHECK(!fs::exists(out / "counts.gpkg"));
}

}  // namespace signals_cli_test
