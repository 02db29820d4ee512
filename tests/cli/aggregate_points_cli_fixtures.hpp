#pragma once
// Fixtures and helpers of the end-to-end tests of `regio aggregate points`: the binary on the
// fixtures in tests/data, outputs compared byte for byte with tests/cli/expected.
//
// Every failing run must leave nothing behind: no output, no report and no
// temporary ".regio-*" file. Outputs therefore go to a fresh directory that
// must still be empty afterwards.
#include "cli_checks.hpp"
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace regio_test::points_cli {


using Args = std::vector<std::string>;

// aggregate points on `regions` (id field region_id) and `points`, output to `output`.
inline Args points_cmd(const std::string& regions, const std::string& points, const fs::path& output, const Args& extra = {}) {
    Args args{"aggregate", "points", "--regions", regions, "--id", "region_id", "--points", points, "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The same for CSV points in EPSG:3035 metres.
inline Args csv_cmd(const std::string& regions, const std::string& points, const fs::path& output, const Args& extra = {}) {
    Args args = points_cmd(regions, points, output, {"--points-crs", "EPSG:3035"});
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

using Names = std::vector<std::string>;

// Report numbers: the record counts, and the sums of one weight.
inline void check_counts(const std::string& report, double read, double assigned, double outside, double invalid) {
    INFO(report);
    CHECK(json_number(report, "points", "read") == read);
    CHECK(json_number(report, "points", "assigned") == assigned);
    CHECK(json_number(report, "points", "outside") == outside);
    CHECK(json_number(report, "points", "invalid") == invalid);
    CHECK(read == assigned + outside + invalid);
    CHECK_THAT(report, Catch::Matchers::Contains("\"conserved\": true"));
}

inline void check_weight(const std::string& report, const std::string& weight, double read, double assigned, double outside,
                  double invalid) {
    INFO(report);
    CHECK(json_number(report, weight, "read") == read);
    CHECK(json_number(report, weight, "assigned") == assigned);
    CHECK(json_number(report, weight, "outside") == outside);
    CHECK(json_number(report, weight, "invalid") == invalid);
    CHECK(read == assigned + outside + invalid);
}

// Runs ogr2ogr (to build a GeoPackage fixture at test time); false if it is not installed.
inline bool ogr2ogr(const Args& args) { return run_tool("ogr2ogr", args); }


}  // namespace regio_test::points_cli
