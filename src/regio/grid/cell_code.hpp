#pragma once
// European statistical grid-cell identifiers (../shared/spec/grids.md §2).
// A cell is kept as integers (resolution, SW corner) and only turned into a
// string on output (grids.md §4). Three textual styles exist:
//   INSPIRE / GISCO  CRS3035RES1000mN2684000E4334000  (metres, N first)
//   GEOSTAT          1kmN2684E4334                    (N first, scaled by d)
//   EEA              1kmE4334N2684                    (E first, scaled by d)
// with d = 10^(trailing zeros of the cell size in metres); see cell_code.cpp
// for why GEOSTAT uses d too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regio {
struct Where;
}

namespace regio::grid {

enum class CellCodeStyle { Inspire, Geostat, Eea };

// A cell of an EPSG:3035 grid. The cell covers [easting, easting + resolution)
// x [northing, northing + resolution), all in metres.
struct CellCode {
    std::int64_t resolution = 0;
    std::int64_t easting = 0;   // SW corner
    std::int64_t northing = 0;  // SW corner
    friend bool operator==(const CellCode&, const CellCode&) = default;
};

// GISCO's census 2021 file has rows whose GRD_ID is 'unallocated': people not
// located in any cell. They count in totals but never get a geometry.
enum class CellCodeKind { Cell, Unallocated };

struct ParsedCellCode {
    CellCodeKind kind = CellCodeKind::Cell;
    CellCode code;        // all zero for Unallocated
    CellCodeStyle style = CellCodeStyle::Inspire;  // Inspire for Unallocated (GISCO's style)
};

// Parses any of the three styles after stripping one ^[A-Z]{2}_ country
// prefix; 'unallocated' (any case) gives CellCodeKind::Unallocated. On
// malformed input returns std::nullopt and sets `why` to a short reason that
// quotes the text, e.g. "'CRS3035RES1000mN26840E' has no easting digits".
// Also rejected: EPSG codes other than 3035, corners that are not multiples of
// the cell size, and corners beyond E 17 077 274 / N 15 966 274 m, which no
// point on Earth projects to (a code written in other units).
[[nodiscard]] std::optional<ParsedCellCode> parse_cell_code(std::string_view text, std::string& why);

// As parse_cell_code, but throws regio::DataError at `where` on bad input.
[[nodiscard]] ParsedCellCode parse_cell_code_or_throw(std::string_view text, const Where& where);

// Throws std::invalid_argument when the code cannot be written: resolution not
// positive, corner negative (codes carry no sign), not a multiple of the
// resolution, or beyond any EPSG:3035 coordinate (which parse would reject).
[[nodiscard]] std::string format_cell_code(const CellCode& code, CellCodeStyle style);

// The cell containing (x, y): corner = floor(v / res) * res, so negative
// coordinates work and cells are half-open. Throws std::invalid_argument for a
// non-positive resolution or a non-finite or out-of-range coordinate.
[[nodiscard]] CellCode cell_containing(double x, double y, std::int64_t resolution);

// The cell at a coarser resolution containing `code`. Throws
// std::invalid_argument unless coarser_resolution is a positive multiple of
// code.resolution.
[[nodiscard]] CellCode parent_cell(const CellCode& code, std::int64_t coarser_resolution);

// "25m", "100m", "250m", "1km", "10km", "100km": km for whole kilometres,
// metres otherwise (e.g. "1500m"). Throws std::invalid_argument if metres <= 0.
[[nodiscard]] std::string resolution_label(std::int64_t metres);

}  // namespace regio::grid
