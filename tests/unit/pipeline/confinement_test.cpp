#include "regio/pipeline/confinement.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace confinement_test {

using namespace regio::pipeline;
namespace fs = std::filesystem;

namespace {

struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("regio_confine_test_" + std::to_string(::getpid()));
    ScratchDir() {
        fs::remove_all(path);
        fs::create_directories(path / "run");
        fs::create_directories(path / "shared");
    }
    ~ScratchDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("confinement: inside the run directory, or under an allowed absolute directory") {
    ScratchDir dir;
    Pipeline p;
    p.path = (dir.path / "p.toml").string();
    const std::string run = (dir.path / "run").string();
    CHECK(check_confinement(p, run, {{"step a (line 3)", "output", run + "/x.csv"}}).empty());
    CHECK(check_confinement(p, run, {{"step a (line 3)", "output", run + "/sub/../x.csv"}}).empty());
    const auto out = check_confinement(p, run, {{"step a (line 3)", "output", run + "/../x.csv"}});
    REQUIRE(out.size() == 1);
    CHECK_THAT(out[0], Catch::StartsWith("step a (line 3): output '" + run + "/../x.csv' is outside the run directory"));
    // A directory whose name starts like the run directory's is not inside it.
    CHECK(check_confinement(p, run, {{"s", "output", run + "-other/x.csv"}}).size() == 1);
    const std::string shared = (dir.path / "shared").string();
    CHECK(check_confinement(p, run, {{"s", "output", shared + "/x.csv"}}).size() == 1);
    p.allow_outside = {shared};
    CHECK(check_confinement(p, run, {{"s", "output", shared + "/x.csv"}}).empty());
}

TEST_CASE("confinement: an existing file is replaced only when an earlier run of the same pipeline made it") {
    ScratchDir dir;
    Pipeline p;
    p.path = (dir.path / "p.toml").string();
    const fs::path run = dir.path / "run";
    std::ofstream(run / "x.csv") << "x\n";
    const std::vector<FileWrite> writes{{"step a (line 3)", "output", (run / "x.csv").string()},
                                        {"run", "manifest", (run / "manifest.json").string()}};
    auto problems = check_confinement(p, run.string(), writes);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("not written by an earlier run of this pipeline"));

    // "files" holds paths relative to the run directory (or absolute ones outside it).
    CHECK(run_relative((run / "x.csv").string(), run.string()) == "x.csv");
    CHECK(run_relative((dir.path / "shared" / "x.csv").string(), run.string()) == (dir.path / "shared" / "x.csv").string());
    std::ofstream(run / "manifest.json") << R"({"pipeline": {"path": ")" << p.path << R"("}, "files": ["x.csv"]})";
    CHECK(check_confinement(p, run.string(), writes).empty());

    Pipeline other = p;
    other.path = (dir.path / "other.toml").string();
    problems = check_confinement(other, run.string(), writes);
    REQUIRE(problems.size() == 2);
    CHECK_THAT(problems[1], Catch::Contains("written by the pipeline " + p.path));

    std::ofstream(run / "manifest.json") << "not json";
    CHECK(check_confinement(p, run.string(), writes).size() == 2);
}

}  // namespace confinement_test
