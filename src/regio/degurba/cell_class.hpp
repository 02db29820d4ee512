#pragma once
// Cell class codes of the Degree of Urbanisation grid. They are the GHSL SMOD
// codes (../shared/spec/degurba.md §2.4: 30 urban centre, 2x urban cluster,
// 1x rural, 10 water) so that our rasters can be compared with GHSL files,
// where Level 1 is the tens digit of Level 2.
#include <cstdint>

namespace regio::degurba {

enum class Level : std::uint8_t { One = 1, Two = 2 };

namespace code {
inline constexpr std::uint8_t water = 10;  // §2.3, only when water cells are labelled
// Level 1: every rural cell. 10 belongs to water (§2.4), so Level 1 uses 11,
// the GHSL code of the catch-all rural class ("all remaining cells").
inline constexpr std::uint8_t rural = 11;
inline constexpr std::uint8_t very_low_density_rural = 11;  // Level 2
inline constexpr std::uint8_t low_density_rural = 12;       // Level 2
inline constexpr std::uint8_t rural_cluster = 13;           // Level 2
// Level 1: urban-cluster cells outside urban centres. 20 is unused by GHSL
// Level 2, so a Level 1 raster never reads as a Level 2 subclass.
inline constexpr std::uint8_t urban_cluster = 20;
inline constexpr std::uint8_t suburban_peri_urban = 21;       // Level 2
inline constexpr std::uint8_t semi_dense_urban_cluster = 22;  // Level 2
inline constexpr std::uint8_t dense_urban_cluster = 23;       // Level 2
inline constexpr std::uint8_t urban_centre = 30;
}  // namespace code

// "urban centre", "dense urban cluster", ...; "unknown" for other codes.
// Level decides what 11 means (rural vs very low density rural).
const char* cell_class_name(std::uint8_t code, Level level);

// The Level 1 code of any code: 30 -> 30, 2x -> 20, 11..13 -> 11, 10 -> 10.
std::uint8_t level1_code(std::uint8_t code);

}  // namespace regio::degurba
