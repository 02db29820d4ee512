#include "regio/io/output_plan.hpp"

#include "regio/error.hpp"
#include "regio/io/output_stream.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace output_plan_test {

using namespace regio::io;
namespace fs = std::filesystem;

namespace {

struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("regio_plan_test_" + std::to_string(::getpid()));
    ScratchDir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t entries(const fs::path& dir) { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{})); }

}  // namespace

TEST_CASE("output plan: every output checked when planned") {
    ScratchDir dir;
    std::ofstream(dir.path / "input.csv") << "x\n";
    std::ofstream(dir.path / "old.csv") << "old\n";
    OutputPlan plan(Overwrite::No, {(dir.path / "input.csv").string()});
    plan.add("-o", (dir.path / "a.csv").string());
    CHECK_THROWS_WITH(plan.add("--report", (dir.path / "." / "a.csv").string()), "-o and --report name the same file");
    CHECK_THROWS_WITH(plan.add("--changes", (dir.path / "old.csv").string()), Catch::Contains("exists"));
    CHECK_THROWS_AS(plan.add("--gpkg", (dir.path / "old.csv" / "x.gpkg").string()), regio::IoError);  // a file in the way
    OutputPlan replacing(Overwrite::Yes, {(dir.path / "input.csv").string()});
    CHECK_THROWS_WITH(replacing.add("-o", (dir.path / "input.csv").string()), Catch::Contains("is also an input"));
    CHECK(plan.add_optional("--report", "") == nullptr);
    CHECK(entries(dir.path) == 2);  // the checks wrote nothing
}

TEST_CASE("output plan: nothing in place before commit, all after, temporaries removed without commit") {
    ScratchDir dir;
    {
        OutputPlan plan(Overwrite::No, {});
        const PlannedOutput& a = plan.add("-o", (dir.path / "a.csv").string());
        const PlannedOutput& b = plan.add("--report", (dir.path / "b.json").string());
        CHECK(a.temp_path().parent_path() == dir.path);
        CHECK(a.temp_path().extension() == ".csv");
        write_output_text(a, "a\n");
        write_output_text(b, "{}\n");
        CHECK_FALSE(fs::exists(dir.path / "a.csv"));
        plan.commit();
    }
    CHECK(slurp(dir.path / "a.csv") == "a\n");
    CHECK(slurp(dir.path / "b.json") == "{}\n");
    CHECK(entries(dir.path) == 2);
    {
        OutputPlan plan(Overwrite::Yes, {});
        write_output_text(plan.add("-o", (dir.path / "a.csv").string()), "half");
        // no commit: as if the run failed
    }
    CHECK(slurp(dir.path / "a.csv") == "a\n");
    CHECK(entries(dir.path) == 2);
}

TEST_CASE("output plan: an output planned but not written fails the commit, nothing moves") {
    ScratchDir dir;
    OutputPlan plan(Overwrite::No, {});
    write_output_text(plan.add("-o", (dir.path / "a.csv").string()), "a\n");
    plan.add("--report", (dir.path / "b.json").string());
    CHECK_THROWS_WITH(plan.commit(), Catch::Contains("b.json") && Catch::Contains("not written"));
    CHECK_FALSE(fs::exists(dir.path / "a.csv"));
}

TEST_CASE("output plan: an output left out is not committed, the others are, a directory made for it goes") {
    ScratchDir dir;
    std::ofstream(dir.path / "kept.json") << "old\n";
    {
        OutputPlan plan(Overwrite::Yes, {});
        write_output_text(plan.add("-o", (dir.path / "a.csv").string()), "a\n");
        const PlannedOutput& report = plan.add("--report", (dir.path / "new" / "deeper" / "b.json").string());
        const PlannedOutput& replaced = plan.add("--local", (dir.path / "kept.json").string());
        write_output_text(report, "{}\n");
        write_output_text(replaced, "new\n");
        CHECK(fs::is_directory(dir.path / "new" / "deeper"));
        plan.leave_out(report);
        plan.leave_out(replaced);
        CHECK_FALSE(fs::exists(report.temp_path()));
        plan.commit();
    }
    CHECK(slurp(dir.path / "a.csv") == "a\n");
    CHECK(slurp(dir.path / "kept.json") == "old\n");
    CHECK_FALSE(fs::exists(dir.path / "new"));
    CHECK(entries(dir.path) == 2);
}

TEST_CASE("output plan: a rename that fails rolls back the renamed ones and restores replaced files") {
    ScratchDir dir;
    std::ofstream(dir.path / "a.csv") << "old a\n";
    {
        OutputPlan plan(Overwrite::Yes, {});
        write_output_text(plan.add("-o", (dir.path / "a.csv").string()), "new a\n");
        write_output_text(plan.add("--report", (dir.path / "b.json").string()), "{}\n");
        write_output_text(plan.add("--map", (dir.path / "c.csv").string()), "c\n");
        // Between the check and the commit, b.json becomes a directory with a file in it.
        fs::create_directories(dir.path / "b.json" / "inside");
        CHECK_THROWS_WITH(plan.commit(), Catch::Contains("b.json") && Catch::Contains("cannot move"));
    }
    CHECK(slurp(dir.path / "a.csv") == "old a\n");
    CHECK_FALSE(fs::exists(dir.path / "c.csv"));
    CHECK(entries(dir.path) == 2);  // a.csv and the directory b.json: no temporary, no backup
}

}  // namespace output_plan_test
