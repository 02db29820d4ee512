#pragma once
// Checks the end-to-end CLI tests share (Catch2 assertions on a regio run).
#include "run_regio.hpp"

#include <string>
#include <vector>

namespace regio_test {

// Runs regio with `args`; it must fail with `exit_code`, write nothing to
// stdout, and start its stderr with "regio: error: " (no warning before it)
// followed by a message containing `message`. `out_dir` must then hold
// exactly `left`: no output and no ".regio-*" temporary of the failed run.
RunResult expect_failure(const std::vector<std::string>& args, int exit_code, const std::string& message, const fs::path& out_dir,
                         const std::vector<std::string>& left = {});

// Renders `svg` with rsvg-convert into `dir` when it is on PATH
// (librsvg2-bin, installed by tools/install-deps): exit 0, no message, a
// non-empty PNG. A warning when it is not installed.
void check_renders(const fs::path& svg, const fs::path& dir);
inline void check_renders(const fs::path& svg, const TempDir& dir) { check_renders(svg, dir.path()); }

// Runs regio with `args`; it must succeed and print nothing on stdout.
// Returns the contents of `output` (and the run, when `result` is given).
std::string run_and_read(const std::vector<std::string>& args, const fs::path& output, RunResult* result = nullptr);

// Runs a GDAL/OGR utility found on PATH (to build a fixture at test time);
// it must succeed. false (with a warning) if it is not installed.
bool run_tool(const std::string& tool, const std::vector<std::string>& args);

// How often `needle` occurs in `text` (not overlapping).
std::size_t count_of(const std::string& text, const std::string& needle);

// CHECKs that `xml` is well-formed XML, naming `what` when it is not.
void check_well_formed(const std::string& xml, const std::string& what);

}  // namespace regio_test
