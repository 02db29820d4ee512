#pragma once
// Where the records of a step landed (issue #12: nothing guessed). Points or
// grid values that all fall outside every region are the mark of a wrong CRS
// (coordinates read in a CRS they are not in still lie in its domain, e.g.
// longitude/latitude read as EPSG:3035 metres): that is an error, never an
// empty table with exit 0. More than half outside is worth a warning.
#include <optional>
#include <string>

namespace regio::aggregate {

// Whether much of the input outside all regions is worth a warning: for
// records (points), yes; a grid is a rectangle that usually covers more than
// the regions (the European grid onto one country), so only "nothing lands"
// is a sign of a wrong CRS there.
enum class OutsideShare { Warn, Expected };

struct Landing {
    std::string what;    // "points", "weight points", "grid's value"
    std::string source;  // the input, for the message
    std::string crs;     // the CRS the records were read in ("EPSG:3035")
    std::string regions_crs;
    double total = 0;    // records (or value) that could land: read minus invalid
    double landed = 0;   // of which in some region
    OutsideShare outside_share = OutsideShare::Warn;
};

// Throws DataError (with a hint about the CRS) when total > 0 and nothing
// landed. Returns a warning with the share outside when more than half of the
// total is outside all regions (OutsideShare::Warn).
std::optional<std::string> check_landing(const Landing& landing);

}  // namespace regio::aggregate
