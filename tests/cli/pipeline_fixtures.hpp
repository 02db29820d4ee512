#pragma once
// Runs the end-to-end pipeline tests share: Berlin's synthetic address
// records, and the small atlas run of tests/data/atlas.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <string>

namespace regio_test {

// The source tree (geodata/, styles/).
inline fs::path source_dir() { return fs::path(REGIO_TEST_DATA).parent_path().parent_path(); }

// Generates Berlin's seeded synthetic address records (regio-make-berlin-records
// on the committed extract) into `records`. false, with a warning, when the
// generator is not built; the run must succeed otherwise.
inline bool make_berlin_records(const fs::path& records, RunResult* made = nullptr) {
    const fs::path generator = fs::path(REGIO_BINARY).parent_path() / "regio-make-berlin-records";
    if (!fs::exists(generator)) {
        WARN("regio-make-berlin-records is not built: skipped");
        return false;
    }
    const RunResult r = run_program(generator.string(), {"--data", (source_dir() / "geodata" / "berlin").string(), "--out", records.string()});
    INFO("generator: " << r.err);
    REQUIRE(r.exit_code == 0);
    if (made) *made = r;
    return true;
}

// Runs tests/data/atlas/`pipeline` (DATA replaced by that directory) into
// dir/out, with its atlas in dir/out/atlas.
inline fs::path run_atlas_test_pipeline(const TempDir& dir, const std::string& pipeline = "pipeline.toml") {
    std::string text = read_file(data("atlas/" + pipeline));
    text = std::regex_replace(text, std::regex("DATA"), data("atlas"));
    write_file(dir / "pipeline.toml", text);
    const fs::path out = dir / "out";
    const RunResult r = run_regio({"run", (dir / "pipeline.toml").string(), "--out", out.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return out;
}

}  // namespace regio_test
