#include "regio/io/output_file.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace output_file_test {

using namespace regio::io;
namespace fs = std::filesystem;

TEST_CASE("output file: written beside, renamed into place, removed on failure") {
    const fs::path dir = fs::temp_directory_path() / ("regio_out_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path target = dir / "table.csv";
    {
        OutputFile out(target, Overwrite::No, {});
        CHECK(out.temp_path().parent_path() == dir);
        CHECK(out.temp_path().extension() == ".csv");
        std::ofstream(out.temp_path()) << "x\n";
        CHECK_FALSE(fs::exists(target));
        out.commit();
    }
    CHECK(fs::exists(target));
    {
        OutputFile out(target, Overwrite::Yes, {});
        std::ofstream(out.temp_path()) << "half";
        // no commit: as if the run failed
    }
    std::ifstream in(target);
    std::string content;
    std::getline(in, content);
    CHECK(content == "x");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);

    CHECK_THROWS_AS(OutputFile(target, Overwrite::No, {}), regio::UsageError);
    CHECK_THROWS_WITH(OutputFile(target, Overwrite::Yes, {target.string()}), Catch::Contains("also an input"));
    // A missing directory is created (issue #18 item 8) and removed again when
    // nothing is committed; a file in the way is an error.
    CHECK_NOTHROW(OutputFile(dir / "missing" / "deeper" / "t.csv", Overwrite::No, {}));
    CHECK_FALSE(fs::exists(dir / "missing"));
    CHECK_THROWS_AS(OutputFile(target / "t.csv", Overwrite::No, {}), regio::IoError);
    fs::remove_all(dir);
}

TEST_CASE("output file: extension") {
    CHECK(extension_of("a/b/OUT.GPKG") == "gpkg");
    CHECK(extension_of("noext").empty());
}

}  // namespace output_file_test
