// Fuzz target: European grid-cell codes (src/regio/grid/cell_code.*).
// Input: the code text. Besides "no crash, only regio errors", it checks the
// contract of cell_code.hpp: a rejected code has a reason, and an accepted one
// formats back (in its own style) to text that parses to the same cell, whose
// centre lies in that cell (grids.md §2, §4; cells are half-open).
#include "fuzz_support.hpp"

#include "regio/error.hpp"
#include "regio/grid/cell_code.hpp"

using namespace regio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    std::string why;
    const auto parsed = grid::parse_cell_code(text, why);
    fuzz::expect_only_regio_errors([&] { (void)grid::parse_cell_code_or_throw(text, Where{"fuzz.csv", {}, 2}); });
    if (!parsed) {
        fuzz::require(!why.empty(), "a rejected cell code without a reason");
        return 0;
    }
    if (parsed->kind == grid::CellCodeKind::Unallocated) return 0;
    const grid::CellCode& code = parsed->code;
    std::string formatted;
    try {
        formatted = grid::format_cell_code(code, parsed->style);
    } catch (const std::exception& e) {
        fuzz::report_finding(std::string("an accepted cell code cannot be written: ") + e.what());
    }
    std::string why_again;
    const auto again = grid::parse_cell_code(formatted, why_again);
    fuzz::require(again.has_value(), "a written cell code does not parse again: " + formatted + ": " + why_again);
    fuzz::require(again->code == code && again->style == parsed->style,
                  "a cell code changes on a round trip: " + formatted);
    const double half = static_cast<double>(code.resolution) / 2;
    if (code.resolution <= (std::int64_t{1} << 52)) {  // centres are exact doubles there
        const grid::CellCode centre_cell = grid::cell_containing(static_cast<double>(code.easting) + half,
                                                                 static_cast<double>(code.northing) + half, code.resolution);
        fuzz::require(centre_cell == code, "a cell's centre is not in the cell: " + formatted);
    }
    return 0;
}
