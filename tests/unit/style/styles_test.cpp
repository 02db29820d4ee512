// Every style shipped in styles/ loads, and bad style files are refused
// with the key that is wrong.
#include "regio/error.hpp"
#include "regio/style/map_style.hpp"
#include "regio/style/palette.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace styles_test {

namespace fs = std::filesystem;
using regio::style::load_map_style;

TEST_CASE("styles: every shipped style is valid") {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(REGIO_STYLES)) {
        if (entry.path().extension() != ".toml") continue;
        INFO(entry.path());
        const auto style = load_map_style(entry.path().string());
        ++count;
        if (style.palette && style.classes) CHECK_NOTHROW(regio::style::palette_colors(*style.palette, *style.classes));
    }
    CHECK(count >= 3);
}

TEST_CASE("styles: mistakes are named") {
    const auto path = fs::temp_directory_path() / "regio_bad_style.toml";
    auto check = [&](const std::string& text, const std::string& message) {
        std::ofstream(path) << text;
        CHECK_THROWS_WITH(load_map_style(path.string()), Catch::Contains(message));
    };
    check("palete = \"Blues\"\n", "unknown key 'palete'");
    check("classes = \"five\"\n", "'classes' must be");
    check("reverse = 1\n", "'reverse' must be true or false");  // toml++'s value<bool>() reads 1 as true
    check("nodata_color = \"grey\"\n", "not a colour");
    check("palette = \"NoSuch\"\n", "NoSuch");
    check("method = \"magic\"\n", "magic");
    check("breaks = [1, \"x\"]\n", "'breaks' must be");
    check("classes = [\n", "");
    fs::remove(path);
    CHECK_THROWS_AS(load_map_style("/nonexistent.toml"), regio::IoError);
}

}  // namespace styles_test
