// tools/berlin-extract reproduces the committed geodata/berlin from
// ../shared/data byte for byte (boundaries with the 06010102 fix, the grid
// window, the joined register tables); skipped when the shared data is absent.
#include "realdata_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace berlin_extract_test {

using namespace regio_realdata;

namespace {

const fs::path kSource = fs::path(REGIO_STYLES).parent_path();

}  // namespace

TEST_CASE("real data: extract of Berlin reproduces geodata/berlin") {
    const fs::path shared = REGIO_SHARED_DATA;
    if (!fs::exists(shared / "city" / "berlin" / "berlin_lor_3035.gpkg")) {
        WARN("no ../shared/data: skipped");
        return;
    }
    const TempDir tmp("regio-berlin-extract");
    const std::string command = "'" + (kSource / "tools" / "berlin-extract").string() + "' '" + shared.string() + "' '" +
                                tmp.path().string() + "' > '" + (tmp.path() / "log.txt").string() + "' 2>&1";
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
    const fs::path committed = kSource / "geodata" / "berlin";
    for (const char* file : {"lor_3035.gpkg", "pop_1km_2018.tif", "register_2020-12_planning-areas.csv",
                             "register_2020-12_forecast-areas.csv", "register_2020-12_districts.csv",
                             "register_2021-06_forecast-areas.csv", "register_2021-06_districts.csv"}) {
        INFO(file);
        REQUIRE(fs::exists(tmp.path() / file));
        CHECK(slurp(tmp.path() / file) == slurp(committed / file));
    }
    // The fix is in the extract: 04030417 is a planning area, 06010102 once.
    const std::string table = slurp(committed / "register_2020-12_planning-areas.csv");
    CHECK(table.find("\n04030417,") != std::string::npos);
    // The committed extract stays small.
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::directory_iterator(committed))
        if (entry.is_regular_file() && entry.path().filename() != "addresses_2020.csv") bytes += entry.file_size();
    CHECK(bytes < 6'000'000);
}

}  // namespace berlin_extract_test
