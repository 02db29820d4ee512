// Issue #12, outputs committed together and system errors: a command plans
// all its outputs, checks every one before writing any, writes them to
// temporary files and renames them all at the end; on any failure nothing of
// the run is left and existing files are untouched. Write failures name the
// final path and the system's reason (disk full, read-only, permission).
#include "cli_checks.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace outputs_together_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;

Args points_cmd(const fs::path& output, const Args& extra = {}) {
    Args args{"aggregate", "points", "--regions", data("regions_abc.geojson"), "--id", "region_id",
              "--points", data("points_edges.csv"), "--points-crs", "EPSG:3035", "-o", output.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

Args map_cmd(const fs::path& svg, const Args& extra = {}) {
    Args args{"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "rate", "-o", svg.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// One line "regio: error: <where>: ..." containing every part of `parts`.
void check_one_line(const RunResult& r, int exit_code, const std::vector<std::string>& parts) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == exit_code);
    CHECK_THAT(r.err, StartsWith("regio: error: "));
    const std::string first = r.err.substr(0, r.err.find('\n'));
    for (const auto& part : parts) CHECK_THAT(first, Contains(part));
    CHECK_THAT(first, !Contains(".regio-"));
}

}  // namespace

TEST_CASE("outputs: a second output that fails at the end leaves no first output behind", "[cli][outputs]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path full = tmp / "full";
    SmallTmpfs disk(full, 64);
    if (!disk.mounted()) return;
    disk.fill();
    // The SVG fits; the GeoPackage beside it cannot be written (disk full).
    const RunResult r = run_regio(map_cmd(out / "map.svg", {"--gpkg", (full / "map.gpkg").string()}));
    check_one_line(r, 1, {(full / "map.gpkg").string(), "No space left on device"});
    CHECK(list_dir(out).empty());
    CHECK(list_dir(full) == std::vector<std::string>{"filler"});
}

TEST_CASE("outputs: a replaced output stays untouched when another output of the run fails", "[cli][outputs]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path full = tmp / "full";
    SmallTmpfs disk(full, 64);
    if (!disk.mounted()) return;
    write_file(out / "counts.csv", "precious\n");
    disk.fill();
    const RunResult r = run_regio(points_cmd(out / "counts.csv", {"--overwrite", "--report", (full / "report.json").string()}));
    check_one_line(r, 1, {(full / "report.json").string(), "No space left on device"});
    CHECK(read_file(out / "counts.csv") == "precious\n");
    CHECK(list_dir(out) == std::vector<std::string>{"counts.csv"});
    CHECK(list_dir(full) == std::vector<std::string>{"filler"});
}

TEST_CASE("outputs: every output is checked before any work (read-only directory, same file twice)", "[cli][outputs]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    SECTION("read-only file system") {
        const fs::path ro = tmp / "ro";
        SmallTmpfs disk(ro, 64);
        if (!disk.mounted()) return;
        if (!disk.make_read_only()) {
            WARN("cannot remount read-only: skipped");
            return;
        }
        const RunResult r = run_regio(points_cmd(out / "counts.csv", {"--report", (ro / "report.json").string()}));
        check_one_line(r, 1, {(ro / "report.json").string(), "Read-only file system"});
        CHECK(list_dir(out).empty());
        CHECK(list_dir(ro).empty());
    }
    SECTION("two outputs of crosswalk build on one file") {
        const RunResult r = run_regio({"crosswalk", "build", "--from", data("xw_2020.geojson"), "--from-id", "code", "--to",
                                       data("xw_2024.geojson"), "--to-id", "code", "-o", (out / "cw.csv").string(), "--changes",
                                       (out / "./cw.csv").string(), "--quiet"});
        check_one_line(r, 2, {"--output and --changes name the same file"});
        CHECK(list_dir(out).empty());
    }
}

TEST_CASE("outputs: disk full names the final path and the reason for CSV, JSON, SVG and GeoPackage", "[cli][outputs]") {
    TempDir tmp;
    const fs::path full = tmp / "full";
    SmallTmpfs disk(full, 64);
    if (!disk.mounted()) return;
    disk.fill();
    const fs::path other = tmp.subdir("other");
    struct Case {
        const char* what;
        Args args;
        fs::path named;
    };
    const std::vector<Case> cases{
        {"CSV", points_cmd(full / "counts.csv"), full / "counts.csv"},
        {"GeoPackage", points_cmd(full / "counts.gpkg"), full / "counts.gpkg"},
        {"JSON", points_cmd(other / "counts.csv", {"--report", (full / "report.json").string()}), full / "report.json"},
        {"SVG", map_cmd(full / "map.svg"), full / "map.svg"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        check_one_line(run_regio(c.args), 1, {c.named.string(), "No space left on device"});
        CHECK(list_dir(full) == std::vector<std::string>{"filler"});
        CHECK(list_dir(other).empty());
    }
}

TEST_CASE("outputs: a directory the user may not write to is named with 'Permission denied'", "[cli][outputs]") {
    TempDir tmp;
    // As root the permission bits do not apply: the run drops to nobody.
    const uid_t nobody = 65534;
    fs::permissions(tmp.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                                    fs::perms::others_exec);
    const fs::path locked = tmp.subdir("locked");
    const fs::path logs = tmp.subdir("logs");
    fs::permissions(logs, fs::perms::all);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
    if (::geteuid() != 0 && ::access(locked.c_str(), W_OK) == 0) {
        WARN("this user can write to a read-only directory: skipped");
        return;
    }
    for (const std::string name : {"counts.csv", "counts.gpkg"}) {
        const RunResult r = run_regio_as(nobody, points_cmd(locked / name), logs);
        if (r.exit_code == 125) {
            WARN("cannot run as another user: skipped");
            return;
        }
        check_one_line(r, 1, {(locked / name).string(), "Permission denied"});
        CHECK(list_dir(locked).empty());
    }
}

}  // namespace outputs_together_cli_test
