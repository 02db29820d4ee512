#pragma once
// The model of the synthetic demo city, shared by the three parts of
// regio-make-demo: city.cpp draws the districts of both vintages,
// population.cpp the address rows and the population grid, and
// make_demo_data.cpp writes files. No GDAL here: the model is plain data, so
// its invariants (exact tiling, grid total) can be checked before anything is
// written.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <string>
#include <vector>

namespace regio_demo {

// Coordinates are integer centimetres in EPSG:3035. Everything written (CSV
// text, GeoPackage vertices, grid cells) derives from these integers, so the
// CSV is exact in text and a border shared by two districts has bit-identical
// vertices in both.
struct Pt {
    std::int64_t x = 0;
    std::int64_t y = 0;
    friend bool operator==(const Pt&, const Pt&) = default;
};

inline std::int64_t to_cm(double metres) { return std::llround(metres * 100.0); }
inline double to_m(std::int64_t cm) { return static_cast<double>(cm) / 100.0; }

// Seeded random source. mt19937_64 is fully specified by the standard, but
// std::uniform_real_distribution and friends are not, so the transforms to
// uniform and normal numbers are our own and the output depends only on the seed.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    // An independent stream for one purpose (geometry, addresses, ...), so that
    // drawing more numbers in one part does not move every other part.
    static Rng stream(std::uint64_t seed, std::uint64_t purpose) {
        // splitmix64 finaliser: nearby (seed, purpose) pairs give unrelated seeds.
        std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (purpose + 1);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return Rng{z ^ (z >> 31)};
    }

    // Uniform in [0, 1) from the top 53 bits.
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi]. The modulo bias is below 1e-15 for the small
    // ranges used here.
    std::int64_t integer(std::int64_t lo, std::int64_t hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1U;
        return lo + static_cast<std::int64_t>(m_engine() % span);
    }
    bool chance(double p) { return uniform() < p; }
    // Standard normal by Box-Muller (one value per call; simpler than caching).
    double normal() {
        const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

private:
    std::mt19937_64 m_engine;
};

// A closed ring: back() == front().
using Ring = std::vector<Pt>;

struct District {
    std::string id;
    std::string name;
    std::vector<Ring> rings;  // [0] exterior (counter-clockwise), then holes (clockwise)
};

struct Vintage {
    std::string layer;
    std::vector<District> districts;
};

struct City {
    Pt centre;                             // rounded to 100 m
    Ring outline;                          // exterior of the union, same in both vintages
    Vintage before;                        // districts_2023
    Vintage after;                         // districts_2024
    std::vector<std::string> changes;      // lines of changes_2023_2024.txt
    std::vector<std::vector<Pt>> borders;  // every border polyline of either vintage
};

// Districts of both vintages around `centre`; throws std::logic_error if a
// self-check (exact tiling, unchanged districts identical) fails.
City build_city(std::uint64_t seed, Pt centre);

// Twice the signed area in cm^2 (counter-clockwise positive); exact.
std::int64_t twice_area(const Ring& ring);
// Crossing-number test, exact in integers. Meant for points off the boundary.
bool in_ring(const Ring& ring, Pt p);
bool in_district(const District& d, Pt p);
// Shortest distance in metres from p to the polyline.
double distance_m(const std::vector<Pt>& line, Pt p);

enum class Citizenship { National, Eu, NonEu };

// How a row's coordinates are written. Only Inside and Outside rows have valid
// (numeric, finite) coordinates.
enum class RowKind { Inside, Outside, EmptyX, NanY, NotNumeric };

struct Address {
    Pt at;  // also set for invalid rows: the coordinate that is not spoiled is printed
    RowKind kind = RowKind::Inside;
    Citizenship group = Citizenship::National;
    int residents = 0;
    int working_age = 0;
    int employed = 0;
    int unemployed = 0;
    int inactive = 0;
};

inline constexpr std::size_t kAddressRows = 50'000;

// The address rows in output order; rows at fixed positions are spoiled or
// placed outside the city (see kind_of_row in population.cpp).
std::vector<Address> build_addresses(std::uint64_t seed, const City& city);

inline constexpr std::int64_t kCellCm = 10'000;  // 100 m grid cells

// Residents of valid rows per 100 m cell, row-major from the north-west corner.
struct Grid {
    std::int64_t origin_x = 0;  // cm, west edge
    std::int64_t origin_y = 0;  // cm, north edge
    int cols = 0;
    int rows = 0;
    std::vector<std::int32_t> cells;
};

// The "nothing is lost" accounting printed in the summary.
struct Tally {
    std::size_t rows = 0;
    std::size_t inside = 0;        // valid, inside the city
    std::size_t outside = 0;       // valid, outside the city
    std::size_t empty_x = 0;
    std::size_t nan_y = 0;
    std::size_t not_numeric = 0;
    std::size_t valid_in_grid = 0;
    std::int64_t residents_all = 0;
    std::int64_t residents_valid = 0;
    std::int64_t residents_in_grid = 0;  // valid rows whose point falls in a grid cell
    std::int64_t grid_total = 0;         // sum of all cells
};

// The grid covers the outline with a margin of at least 500 m, cell edges on
// multiples of 100 m; col = floor((x - origin_x) / 100), row = floor((origin_y - y) / 100).
Grid build_grid(const City& city, const std::vector<Address>& addresses, Tally& tally);

}  // namespace regio_demo
