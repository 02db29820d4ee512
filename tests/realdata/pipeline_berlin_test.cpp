// A pipeline over the Berlin data: the share of residents with a migration
// background and the share of foreigners per 2021 forecast area, with the
// 31.12.2020 values carried onto the 2021 units (population-weighted by the
// 1 km grid), and the change 2020 -> 2021 (30.06.2021) mapped.
#include "realdata_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace pipeline_berlin_test {

namespace fs = std::filesystem;

using namespace regio_realdata;

namespace {

const std::string kData = REGIO_SHARED_DATA;

}  // namespace

TEST_CASE("real data: pipeline Berlin 2020 carried onto 2021 forecast areas, change mapped") {
    const TempDir tmp("regio-berlin-pipeline");
    const fs::path& dir = tmp.path();
    const std::string population = kData + "/city/berlin/population/berlin-lor-population-";
    std::ofstream(dir / "shares.toml") << R"([groups]
values = ["all"]
definition = "citizenship"

[[indicator]]
name = "share_migration_background"
label = "Residents with a migration background"
numerator = "inhabitants_with_migration_background"
denominator = "inhabitants"
scale = 100

[[indicator]]
name = "share_foreigners"
label = "Foreign residents"
numerator = "inhabitants_foreigners"
denominator = "inhabitants"
scale = 100
)";
    std::ofstream(dir / "berlin.toml") << R"([pipeline]
name = "Berlin: 2020 carried onto the 2021 forecast areas"

[[step]]
name = "crosswalk"
run = "crosswalk build"
[step.args]
from = ")" << kData << R"(/city/berlin/berlin_lor_3035.gpkg:pgr_until2020"
from-id = "id"
to = ")" << kData << R"(/city/berlin/berlin_lor_3035.gpkg:pgr_from2021"
to-id = "id"
weights = ")" << kData << R"(/grid/JRC_1K_POP_2018.tif"
output = "crosswalk.csv"
changes = "changes.csv"

[[step]]
name = "carried"
run = "crosswalk apply"
[step.args]
crosswalk = "@crosswalk"
data = ")" << population << R"(2020-02-t1-forecast-areas.csv"
id = "id"
extensive = ["inhabitants", "inhabitants_with_migration_background", "inhabitants_foreigners"]
weight = "population"
output = "t1_2020_on_2021.csv"

[[step]]
name = "shares_2020"
run = "indicators"
[step.args]
data = "@carried"
id = "id"
definitions = ")" << (dir / "shares.toml").string() << R"("
output = "shares_2020_on_2021.csv"

[[step]]
name = "shares_2021"
run = "indicators"
[step.args]
data = ")" << population << R"(2021-01-t1-forecast-areas.csv"
id = "id"
definitions = ")" << (dir / "shares.toml").string() << R"("
output = "shares_2021.csv"

[[step]]
name = "map_foreigners"
run = "map"
[step.args]
layer = ")" << kData << R"(/city/berlin/berlin_lor_3035.gpkg:pgr_from2021"
id = "id"
name = "name"
field = "value"
data = "@shares_2021"
data-id = "region"
where = ["indicator=share_foreigners", "group=all"]
title = "Foreign residents, 30.06.2021"
output = "foreigners_2021.svg"
gpkg = "foreigners_2021.gpkg"

[[step]]
name = "map_change"
run = "map"
[step.args]
layer = ")" << kData << R"(/city/berlin/berlin_lor_3035.gpkg:pgr_from2021"
id = "id"
name = "name"
field = "value"
data = "@shares_2021"
minus = "@shares_2020"
data-id = "region"
where = ["indicator=share_foreigners", "group=all"]
center = 0
method = "manual"
breaks = [-1, -0.25, 0.25, 1, 100]
title = "Change in the share of foreign residents, 31.12.2020 -> 30.06.2021"
subtitle = "percentage points; 2020 carried onto the 2021 forecast areas"
output = "foreigners_change.svg"
)";
    const std::string command = std::string(REGIO_BINARY) + " run '" + (dir / "berlin.toml").string() + "' --out '" +
                                (dir / "out").string() + "' --quiet";
    REQUIRE(std::system(command.c_str()) == 0);
    const fs::path out = dir / "out";
    for (const char* f : {"crosswalk.csv", "changes.csv", "t1_2020_on_2021.csv", "shares_2020_on_2021.csv", "shares_2021.csv",
                          "foreigners_2021.svg", "foreigners_2021.gpkg", "foreigners_change.svg", "manifest.json"})
        CHECK(fs::exists(out / f));
    const std::string manifest = slurp(out / "manifest.json");
    CHECK(manifest.find("\"preserved\": false") == std::string::npos);
    CHECK(manifest.find("\"preserved\": true") != std::string::npos);
    // 58 forecast areas in 2021, two indicators each.
    std::ifstream shares(out / "shares_2020_on_2021.csv");
    std::string line;
    int rows = 0;
    while (std::getline(shares, line)) ++rows;
    CHECK(rows == 1 + 58 * 2);
    const std::string change = slurp(out / "foreigners_change.svg");
    CHECK(change.find("<path") != std::string::npos);
    CHECK(change.find("data-id=\"0110\"") != std::string::npos);
}

}  // namespace pipeline_berlin_test
