#include "regio/grid/cell_code.hpp"

#include "regio/error.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace regio::grid {
namespace {

constexpr std::int64_t max_i64 = std::numeric_limits<std::int64_t>::max();

// LAEA maps the whole ellipsoid into a disc of radius 2a around the false
// origin (4 321 000 E, 3 210 000 N; grids.md §1, a = 6 378 137 m), so a larger
// corner is no place on Earth: most likely a code written in other units.
constexpr std::int64_t max_easting = 4'321'000 + 12'756'274;
constexpr std::int64_t max_northing = 3'210'000 + 12'756'274;

bool within_extent(const CellCode& c) {
    return c.easting <= max_easting && c.northing <= max_northing;
}

// The short styles divide coordinates by d = 10^(trailing zeros of the cell
// size in metres): 100km -> 1e5, 250m -> 10, 25m -> 1 (grids.md §2, GBIF's
// EeaCellCode vectors). grids.md describes GEOSTAT as "northing in km", which
// is what d gives at 1 km, the only size GEOSTAT grids were published at. For
// other sizes we use d for GEOSTAT as well: it is the INSPIRE short cell-code
// rule, and German Zensus 100 m ids (100mN26840E43341) use it; read in km
// they would land ten times too far from the origin.
std::int64_t divisor(std::int64_t resolution) {
    std::int64_t d = 1;
    while (d <= max_i64 / 10 && resolution % (d * 10) == 0) d *= 10;
    return d;
}

// A left-to-right reader over the code (prefix already stripped). Every
// failure writes "'<original>' <problem>" into why and returns false.
class Reader {
public:
    Reader(std::string_view original, std::string_view rest, std::string& why)
        : m_original(original), m_rest(rest), m_why(why) {}

    bool fail(std::string_view problem) {
        m_why = "'" + std::string(m_original) + "' " + std::string(problem);
        return false;
    }
    bool eat(std::string_view literal) {
        if (!m_rest.starts_with(literal)) return false;
        m_rest.remove_prefix(literal.size());
        return true;
    }
    bool expect(std::string_view literal, std::string_view after) {
        if (eat(literal)) return true;
        return fail("expected '" + std::string(literal) + "' after the " + std::string(after));
    }
    // Unsigned decimal digits: codes carry no sign (none of grids.md's forms has one).
    bool number(std::string_view name, std::int64_t& out) {
        const std::string label(name);
        if (!m_rest.empty() && (m_rest.front() == '+' || m_rest.front() == '-'))
            return fail("has a sign in the " + label + "; cell codes are unsigned");
        if (m_rest.empty() || m_rest.front() < '0' || m_rest.front() > '9')
            return fail("has no " + label + " digits");
        out = 0;
        while (!m_rest.empty() && m_rest.front() >= '0' && m_rest.front() <= '9') {
            const int digit = m_rest.front() - '0';
            if (out > (max_i64 - digit) / 10) return fail("has a " + label + " that is too large");
            out = out * 10 + digit;
            m_rest.remove_prefix(1);
        }
        return true;
    }
    // "<digits>m" or "<digits>km", as in 250m or 10km.
    bool cell_size(std::int64_t& metres) {
        if (!number("cell size", metres)) return false;
        if (eat("km")) {
            if (metres > max_i64 / 1000) return fail("has a cell size that is too large");
            metres *= 1000;
        } else if (!eat("m")) {
            return fail("has a cell size without the unit 'm' or 'km'");
        }
        return positive(metres);
    }
    bool positive(std::int64_t resolution) {
        return resolution > 0 || fail("has a cell size of zero; it must be positive");
    }
    bool at_end() {
        return m_rest.empty() || fail("has trailing characters '" + std::string(m_rest) + "'");
    }
    [[nodiscard]] char peek() const { return m_rest.empty() ? '\0' : m_rest.front(); }

private:
    std::string_view m_original;
    std::string_view m_rest;
    std::string& m_why;
};

// CRS<epsg>RES<metres>mN<northing>E<easting>, all in metres.
bool read_inspire(Reader& in, CellCode& c) {
    std::int64_t epsg = 0;
    if (!in.number("EPSG code", epsg)) return false;
    if (epsg != 3035)
        return in.fail("uses EPSG:" + std::to_string(epsg) + "; only EPSG:3035 grids are supported");
    return in.expect("RES", "EPSG code") && in.number("resolution", c.resolution) &&
           in.expect("m", "resolution (INSPIRE codes give metres)") && in.positive(c.resolution) &&
           in.expect("N", "resolution") && in.number("northing", c.northing) &&
           in.expect("E", "northing") && in.number("easting", c.easting) && in.at_end();
}

// <size>N<n/d>E<e/d> (GEOSTAT) or <size>E<e/d>N<n/d> (EEA).
bool read_short(Reader& in, CellCode& c, CellCodeStyle& style) {
    if (!in.cell_size(c.resolution)) return false;
    bool ok = false;
    if (in.eat("N")) {
        style = CellCodeStyle::Geostat;
        ok = in.number("northing", c.northing) && in.expect("E", "northing") &&
             in.number("easting", c.easting);
    } else if (in.eat("E")) {
        style = CellCodeStyle::Eea;
        ok = in.number("easting", c.easting) && in.expect("N", "easting") &&
             in.number("northing", c.northing);
    } else {
        return in.fail("expected 'N' or 'E' after the cell size");
    }
    if (!ok || !in.at_end()) return false;
    const std::int64_t d = divisor(c.resolution);
    if (c.easting > max_i64 / d || c.northing > max_i64 / d)
        return in.fail("has a coordinate that is too large");
    c.easting *= d;
    c.northing *= d;
    return true;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
        if (x != b[i]) return false;
    }
    return true;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

std::int64_t cell_floor(double v, std::int64_t res) {
    const auto r = static_cast<double>(res);
    const double k = std::floor(v / r);
    // 2^62 keeps k * res inside int64 for any resolution we could meet.
    if (!std::isfinite(k) || std::fabs(k * r) > 4.6e18)
        throw std::invalid_argument("coordinate out of range for a grid cell");
    auto cell = static_cast<std::int64_t>(k);
    // v / r may round up across a cell edge; cells are half-open, so correct.
    if (static_cast<double>(cell) * r > v) --cell;
    else if (static_cast<double>(cell + 1) * r <= v) ++cell;
    return cell * res;
}

}  // namespace

std::optional<ParsedCellCode> parse_cell_code(std::string_view text, std::string& why) {
    std::string_view rest = text;
    // National files prefix ids with a country code, e.g. PL_CRS3035... (grids.md §2).
    if (rest.size() >= 3 && rest[0] >= 'A' && rest[0] <= 'Z' && rest[1] >= 'A' && rest[1] <= 'Z' &&
        rest[2] == '_')
        rest.remove_prefix(3);
    if (equals_ignoring_case(rest, "unallocated"))
        return ParsedCellCode{CellCodeKind::Unallocated, CellCode{}, CellCodeStyle::Inspire};

    Reader in(text, rest, why);
    ParsedCellCode parsed;
    if (rest.empty()) {
        in.fail(rest.size() == text.size() ? "is empty" : "has nothing after the country prefix");
        return std::nullopt;
    }
    bool ok = false;
    if (in.eat("CRS")) {
        parsed.style = CellCodeStyle::Inspire;
        ok = read_inspire(in, parsed.code);
    } else if (in.peek() >= '0' && in.peek() <= '9') {
        ok = read_short(in, parsed.code, parsed.style);
    } else {
        in.fail("is not a grid cell code (expected CRS3035RES…, <size>N…E… or <size>E…N…)");
    }
    if (!ok) return std::nullopt;
    const CellCode& c = parsed.code;
    if (c.easting % c.resolution != 0 || c.northing % c.resolution != 0) {
        in.fail("has corner E " + std::to_string(c.easting) + ", N " + std::to_string(c.northing) +
                " that is not a multiple of the " + std::to_string(c.resolution) + " m cell size");
        return std::nullopt;
    }
    if (!within_extent(c)) {
        in.fail("has corner E " + std::to_string(c.easting) + ", N " + std::to_string(c.northing) +
                " m, outside any EPSG:3035 coordinate (wrong units?)");
        return std::nullopt;
    }
    return parsed;
}

ParsedCellCode parse_cell_code_or_throw(std::string_view text, const Where& where) {
    std::string why;
    auto parsed = parse_cell_code(text, why);
    if (!parsed) throw DataError("bad grid cell code: " + why, where);
    return *parsed;
}

std::string format_cell_code(const CellCode& code, CellCodeStyle style) {
    const std::int64_t res = code.resolution;
    if (res <= 0) throw std::invalid_argument("grid cell resolution must be positive");
    if (code.easting < 0 || code.northing < 0)
        throw std::invalid_argument("a grid cell with a negative corner has no cell code");
    if (code.easting % res != 0 || code.northing % res != 0)
        throw std::invalid_argument("grid cell corner is not a multiple of its resolution");
    if (!within_extent(code)) throw std::invalid_argument("grid cell corner is outside EPSG:3035");
    const std::int64_t d = divisor(res);
    const std::string e = std::to_string(code.easting / d);
    const std::string n = std::to_string(code.northing / d);
    switch (style) {
    case CellCodeStyle::Inspire:
        return "CRS3035RES" + std::to_string(res) + "mN" + std::to_string(code.northing) + "E" +
               std::to_string(code.easting);
    case CellCodeStyle::Geostat: return resolution_label(res) + "N" + n + "E" + e;
    case CellCodeStyle::Eea: return resolution_label(res) + "E" + e + "N" + n;
    }
    throw std::invalid_argument("unknown cell code style");
}

CellCode cell_containing(double x, double y, std::int64_t resolution) {
    if (resolution <= 0) throw std::invalid_argument("grid cell resolution must be positive");
    return CellCode{resolution, cell_floor(x, resolution), cell_floor(y, resolution)};
}

CellCode parent_cell(const CellCode& code, std::int64_t coarser_resolution) {
    if (code.resolution <= 0 || coarser_resolution <= 0 || coarser_resolution % code.resolution != 0)
        throw std::invalid_argument("parent resolution " + std::to_string(coarser_resolution) +
                                    " m is not a multiple of " + std::to_string(code.resolution) + " m");
    const std::int64_t r = coarser_resolution;
    return CellCode{r, floor_div(code.easting, r) * r, floor_div(code.northing, r) * r};
}

std::string resolution_label(std::int64_t metres) {
    if (metres <= 0) throw std::invalid_argument("grid cell resolution must be positive");
    // INSPIRE: sizes from 1000 m up are written in km.
    if (metres % 1000 == 0) return std::to_string(metres / 1000) + "km";
    return std::to_string(metres) + "m";
}

}  // namespace regio::grid
