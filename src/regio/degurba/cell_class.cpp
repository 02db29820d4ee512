#include "regio/degurba/cell_class.hpp"

namespace regio::degurba {

const char* cell_class_name(std::uint8_t value, Level level) {
    switch (value) {
    case code::water: return "water";
    case code::very_low_density_rural: return level == Level::One ? "rural" : "very low density rural";
    case code::low_density_rural: return "low density rural";
    case code::rural_cluster: return "rural cluster";
    case code::urban_cluster: return "urban cluster";
    case code::suburban_peri_urban: return "suburban or peri-urban";
    case code::semi_dense_urban_cluster: return "semi-dense urban cluster";
    case code::dense_urban_cluster: return "dense urban cluster";
    case code::urban_centre: return "urban centre";
    default: return "unknown";
    }
}

std::uint8_t level1_code(std::uint8_t value) {
    if (value == code::urban_centre) return code::urban_centre;
    if (value >= 20 && value < 30) return code::urban_cluster;
    if (value > code::water && value < 20) return code::rural;
    return value;
}

}  // namespace regio::degurba
