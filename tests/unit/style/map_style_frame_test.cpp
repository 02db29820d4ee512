// The frame keys of map styles: extent and [[insets]], and their mistakes.
#include "regio/error.hpp"
#include "regio/style/map_style.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_style_frame_test {

namespace fs = std::filesystem;
using regio::style::load_map_style;

namespace {

// A directory of this process's own: ctest runs test cases as separate
// processes side by side, and a shared file name would let them race.
fs::path write_style(const std::string& text) {
    const auto dir = fs::temp_directory_path() / ("regio_frame_style_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto path = dir / "regio_frame_style.toml";
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("styles: extent and insets are read") {
    const auto path = write_style(R"toml(extent = [2500000, 1350000, 7500000, 5500000]
[[insets]]
label = "Canarias (ES)"
ids = ["ES70"]
[[insets]]
label = "Antilles"
ids = ["FRY1", "FRY2"]
extent = [-2700000, 2450000, -2550000, 2750000.5]
)toml");
    const auto s = load_map_style(path.string());
    REQUIRE(s.extent);
    CHECK(s.extent->xmin == 2500000);
    CHECK(s.extent->ymax == 5500000);
    REQUIRE(s.insets.size() == 2);
    CHECK(s.insets[0].label == "Canarias (ES)");
    CHECK(s.insets[0].ids == std::vector<std::string>{"ES70"});
    CHECK(!s.insets[0].extent);
    CHECK(s.insets[1].ids == std::vector<std::string>{"FRY1", "FRY2"});
    REQUIRE(s.insets[1].extent);
    CHECK(s.insets[1].extent->ymax == 2750000.5);
    fs::remove_all(path.parent_path());
}

TEST_CASE("styles: mistakes in the frame are named") {
    auto check = [&](const std::string& text, const std::string& message) {
        const auto path = write_style(text);
        CHECK_THROWS_AS(load_map_style(path.string()), regio::ConfigError);
        CHECK_THROWS_WITH(load_map_style(path.string()), Catch::Contains(message) && Catch::Contains("regio_frame_style.toml"));
        fs::remove_all(path.parent_path());
    };
    check("extent = [1, 2, 3]\n", "'extent' must be [xmin, ymin, xmax, ymax]");
    check("extent = [3, 2, 1, 4]\n", "'extent' must be");
    check("extent = \"Europe\"\n", "'extent' must be");
    check("[[insets]]\nlabel = \"X\"\nids = [\"A\"]\nzoom = 2\n", "unknown key 'zoom'");
    check("[[insets]]\nlabel = \"X\"\nids = [\"A\"]\nzoom = 2\n", "line 4");
    check("[[insets]]\nids = [\"A\"]\n", "'insets[1].label' must be a non-empty string");
    check("[[insets]]\nlabel = \"X\"\nids = [\"A\"]\n[[insets]]\nlabel = \"Y\"\n", "'insets[2].ids' must be a non-empty array");
    check("[[insets]]\nlabel = \"X\"\nids = []\n", "'insets[1].ids'");
    check("[[insets]]\nlabel = \"X\"\nids = [\"A\", 3]\n", "'insets[1].ids'");
    check("[[insets]]\nlabel = \"X\"\nids = [\"A\"]\nextent = [0, 0, 0, 1]\n", "'insets[1].extent' must be");
    check("insets = 3\n", "'insets' must be [[insets]] tables");
    check("[[insets]]\nlabel = \"All overseas\"\nids = [\"FRY\"]\n[[insets]]\nlabel = \"Guadeloupe\"\nids = [\"FRY1\"]\n",
          "insets 'All overseas' (FRY) and 'Guadeloupe' (FRY1) overlap");
}

}  // namespace map_style_frame_test
