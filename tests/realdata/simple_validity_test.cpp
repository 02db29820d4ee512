// The fast validity test against GEOS on every NUTS release, scale and level
// in ../shared/data/nuts: it must never call a shape valid that GEOS calls
// invalid, and it should settle nearly all of them (that is its purpose:
// GEOS is then asked only about the rest).
#include "regio/geometry/geos_context.hpp"
#include "regio/geometry/simple_validity.hpp"
#include "regio/io/region_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace simple_validity_test {

using namespace regio;

TEST_CASE("real data: the fast validity test never contradicts GEOS on NUTS boundaries") {
    geometry::GeosContext ctx;
    std::size_t shapes = 0, shown = 0, geos_valid = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(REGIO_SHARED_DATA) + "/nuts")) {
        const std::string path = entry.path().string();
        if (entry.path().extension() != ".gpkg" || path.find("labelpoints") != std::string::npos) continue;
        for (const char* layer : {"nutsrg_0", "nutsrg_1", "nutsrg_2", "nutsrg_3"}) {
            std::vector<std::string> warnings;
            const geometry::RegionSet regions = io::read_regions(io::InputSpec{path, layer}, {"NUTS_ID", {}}, warnings);
            for (std::size_t i = 0; i < regions.size(); ++i) {
                if (regions.shapes[i].empty()) continue;
                const geometry::GeomPtr g = geometry::to_geos(ctx, regions.shapes[i]);
                const bool theirs = GEOSisValid_r(ctx.get(), g.get()) == 1;
                const bool mine = geometry::certainly_valid(regions.shapes[i]);
                INFO(path << ":" << layer << " " << regions.ids[i]);
                if (mine) CHECK(theirs);
                ++shapes;
                shown += mine;
                geos_valid += theirs;
            }
        }
    }
    INFO(shapes << " shapes, " << geos_valid << " valid by GEOS, " << shown << " shown valid without GEOS");
    CHECK(shapes > 10000);
    CHECK(shown * 100 >= geos_valid * 95);
}

}  // namespace simple_validity_test
