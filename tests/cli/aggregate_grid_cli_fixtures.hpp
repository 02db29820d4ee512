#pragma once
// Fixtures and helpers of the end-to-end tests of `regio aggregate grid`: the binary on the fixtures in
// tests/data, outputs compared byte for byte with tests/cli/expected.
//
// The grid (grid_4x4.asc + .prj, EPSG:3035) has 4 x 4 cells of 1000 m with
// the south-west corner at (4000000, 3000000). Cell (c, j), column c from
// the west and row j from the south, holds 30 * (1 + c + 4j):
//
//     j=3   390 420 450 480
//     j=2   270 300 330 360        grid total 4080
//     j=1   150 180 210 240
//     j=0    30  60  90 120
//          c=0  c=1 c=2 c=3
//
// regions_grid.geojson (offsets in metres from the corner):
//   A  x 0..1500,    y 0..2000:    cells (0,0),(0,1) whole, (1,0),(1,1) west halves
//      sum 30 + 150 + 60/2 + 180/2 = 300, count 3, mean 100, area 3e6
//   B  x 1500..3000, y 0..2000:    (1,0),(1,1) east halves, (2,0),(2,1) whole
//      sum 30 + 90 + 90 + 210 = 420, count 3, mean 140, area 3e6
//   C  x 2500..5000, y 2500..4500 (reaches beyond the grid): (2,2) a quarter,
//      (3,2) and (2,3) halves, (3,3) whole
//      sum 330/4 + 360/2 + 450/2 + 480 = 967.5, count 2.25, mean 430, area 2.25e6
//   D  triangle (3000,0) (4000,0) (4000,1000): the south-east half of (3,0)
//      sum 60, count 0.5, mean 120, area 5e5
//   E  far east of the grid: sum 0, count 0, mean empty, area 0
// Allocated 1747.5, outside 4080 - 1747.5 = 2332.5.
//
// Every failing run must leave nothing behind: no output and no temporary
// ".regio-*" file. Outputs of failing runs therefore go to a fresh directory
// that must still be empty afterwards.
#include "cli_checks.hpp"
#include "run_regio.hpp"
#include <catch2/catch.hpp>
#include <sstream>
#include <optional>
#include <string>
#include <vector>

namespace regio_test::grid_cli {


using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

inline const std::string kAllStats = "sum,mean,count,area";

// aggregate grid on `regions` (id field region_id) with the grid input
// options `grid` (e.g. {"--grid", FILE}), output to `output`.
inline Args grid_cmd(const std::string& regions, const Args& grid, const fs::path& output, const Args& extra = {}) {
    Args args{"aggregate", "grid", "--regions", regions, "--id", "region_id"};
    args.insert(args.end(), grid.begin(), grid.end());
    args.insert(args.end(), {"-o", output.string()});
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

inline Args raster(const std::string& spec) { return {"--grid", spec}; }
inline Args cell_table(const std::string& path, const std::string& cell_id = "GRD_ID") {
    return {"--grid-table", path, "--cell-id", cell_id, "--value", "T"};
}
inline Args layer(const std::string& spec) { return {"--grid-layer", spec, "--value", "T"}; }

// An expected raster output with its value name "band1" replaced by `name`
// in the header: tables and layers name columns after their value field.
inline std::string renamed(const std::string& csv, const std::string& name) {
    const auto eol = csv.find('\n');
    std::string header = csv.substr(0, eol);
    for (std::size_t at = header.find("band1_"); at != std::string::npos; at = header.find("band1_", at + name.size()))
        header.replace(at, 5, name);
    return header + csv.substr(eol);
}

// The summary line regio prints on stderr for one value column.
inline std::string summary(const std::string& value, const std::string& total, const std::string& allocated,
                    const std::string& outside, int nodata, const std::string& unallocated = "") {
    std::string line = value + ": grid total " + total + " = " + allocated + " allocated + " + outside +
                       " outside all regions";
    if (!unallocated.empty()) line += " (+ " + unallocated + " in rows without a cell)";
    return line + "; " + std::to_string(nodata) + " no-data cells; conservation error 0.00e+00\n";
}

// The raster fixture `asc` as given ("asc"), or converted to a GeoTIFF in
// `dir` at test time ("tif"); nullopt if gdal_translate is missing.
inline std::optional<std::string> raster_fixture(const std::string& asc, const std::string& format, const fs::path& dir) {
    if (format == "asc") return data(asc);
    const fs::path tif = dir / (fs::path(asc).stem().string() + ".tif");
    if (!run_tool("gdal_translate", {"-q", "-of", "GTiff", data(asc), tif.string()})) return std::nullopt;
    return tif.string();
}

// A CSV as rows of fields (no quoting: regio's outputs here need none).
inline std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::size_t pos = 0;
        while (true) {
            const auto comma = line.find(',', pos);
            fields.push_back(line.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
            if (comma == std::string::npos) break;
            pos = comma + 1;
        }
        rows.push_back(fields);
    }
    return rows;
}


}  // namespace regio_test::grid_cli
