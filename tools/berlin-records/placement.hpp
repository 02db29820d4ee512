#pragma once
// Where the address records of a planning area are put: inside the area, in
// proportion to the 1 km population grid. The area, shrunk by
// kBoundaryClearance, is cut into its pieces cell ∩ area; a record picks a
// piece with probability proportional to the cell's population × the share of
// the cell the piece covers, then a uniform point in the piece (rejection
// sampling in the piece's box). An area whose cells hold no population falls
// back to area weights (said in the summary).
#include "records.hpp"

#include <cstdint>
#include <vector>

namespace berlin_records {

struct XY {
    double x = 0;
    double y = 0;
};

// Addresses are buildings, and LOR boundaries run along streets, railways and
// water: no address lies on one. Keeping records 10 m inside their planning
// area also keeps them off the digitising differences between the 2020 and
// 2021 boundary layers (up to a few metres), so that a record counted on the
// 2021 units stays in its district, as a real address does.
inline constexpr double kBoundaryClearance = 10.0;

// A polygon piece as plain rings (exterior and holes alike: the crossing test
// does not need to know which is which).
struct Piece {
    std::vector<std::vector<XY>> rings;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    double weight = 0;
};

struct AreaPieces {
    std::vector<Piece> pieces;
    bool area_weighted = false;  // no populated cell under the area
};

// Crossing-number test; points exactly on an edge may go either way, which
// does not matter for drawn points (they are not meant to test boundary rules).
bool inside(const Piece& piece, XY p);

// A point drawn inside one of the pieces, chosen by weight, rounded to 1 cm
// (so that the CSV text is exact) and tested after rounding. Throws
// std::runtime_error naming the area if 10,000 draws all miss.
XY draw_point(const AreaPieces& area, const std::string& area_id, Rng& rng);

}  // namespace berlin_records
