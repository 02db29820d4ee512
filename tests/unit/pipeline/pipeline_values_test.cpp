#include "regio/pipeline/pipeline.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace pipeline_values_test {

namespace {

// The args of the only step of a pipeline whose [step.args] are `args`.
std::vector<regio::pipeline::Arg> step_args(const std::string& args) {
    const auto path = std::filesystem::temp_directory_path() / ("regio_pipeline_values_" + std::to_string(::getpid()) + ".toml");
    std::ofstream(path) << "[[step]]\nname = \"s\"\nrun = \"classify\"\n[step.args]\n" << args;
    const auto p = regio::pipeline::load_pipeline(path.string());
    std::filesystem::remove(path);
    return p.steps.at(0).args;
}

}  // namespace

// Found while writing the pipeline fuzz harness: floats were written with
// std::to_string (six decimals), so small or precise values changed silently.
TEST_CASE("pipeline: numbers in step args reach the command unchanged") {
    const auto args = step_args("a = 1e-7\nb = 0.1234567\nc = 2.5\nd = 100.0\ne = 42\nf = [0.5, 1e-9]\ng = -0.0\nh = 1e6\n");
    REQUIRE(args.size() == 8);
    CHECK(args[0].value == "1e-07");
    CHECK(std::stod(args[0].value) == 1e-7);
    CHECK(args[1].value == "0.1234567");
    CHECK(args[2].value == "2.5");
    CHECK(args[3].value == "100");
    CHECK(args[4].value == "42");
    CHECK(args[5].value == "0.5,1e-09");
    CHECK(args[6].value == "0");
    CHECK(args[7].value == "1000000");
}

// Found with the test above: toml++'s value<bool>() reads any integer as a
// boolean, so "threads = 2" became the flag --threads and "x = 0" vanished.
TEST_CASE("pipeline: integers in step args are values, not flags") {
    const auto args = step_args("quiet = true\nthreads = 2\nverbose = false\nzero = 0\n");
    REQUIRE(args.size() == 3);
    CHECK((args[0].key == "quiet" && args[0].flag && args[0].value == "true"));
    CHECK((args[1].key == "threads" && !args[1].flag && args[1].value == "2"));
    CHECK((args[2].key == "zero" && !args[2].flag && args[2].value == "0"));
}

}  // namespace pipeline_values_test
