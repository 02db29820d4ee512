// NUTS 2021 level 3 (1:3M) coloured by population density from the JRC 1 km
// grid, framed on Europe with the outermost regions in insets
// (styles/nuts-europe.toml): regio aggregate grid gives the population and
// the area covered by the grid per region, the density is their ratio, and
// regio map draws it. The SVG must render with rsvg-convert without a
// message, and every region must be drawn exactly once: the overseas ones
// in their insets, all others in the main frame.
#include "realdata_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_insets_test {

namespace fs = std::filesystem;

using namespace regio_realdata;

namespace {

const std::string kData = REGIO_SHARED_DATA;

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Runs a shell command with stderr to `err`; returns its exit status.
int shell(const std::string& command, const fs::path& err) {
    const int status = std::system((command + " 2>" + quoted(err.string())).c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

bool overseas(const std::string& id) {
    for (const char* prefix : {"ES70", "FRY", "PT20", "PT30"})
        if (id.rfind(prefix, 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("real data: map NUTS 2021 level 3 density with overseas regions in insets") {
    const TempDir tmp("regio-map-insets");
    const fs::path& dir = tmp.path();
    const std::string regio = REGIO_BINARY;
    const std::string nuts = kData + "/nuts/nuts_2021_03M_3035.gpkg:nutsrg_3";

    // Population and covered area (m²) per region.
    const fs::path pop = dir / "pop.csv";
    REQUIRE(shell(regio + " aggregate grid --quiet --regions " + quoted(nuts) + " --id NUTS_ID --grid " +
                      quoted(kData + "/grid/JRC_1K_POP_2018.tif") + " --stat sum,area -o " + quoted(pop.string()),
                  dir / "aggregate.err") == 0);

    // Density in persons per km². No data where the grid has nobody or does
    // not reach (the French overseas regions lie outside the raster, Svalbard
    // north of it), and for Turkey, which JRC-GEOSTAT 2018 does not cover
    // (its 81 regions get 108 people from cells spilling over the border).
    std::set<std::string> ids;
    {
        std::ifstream in(pop);
        std::ofstream out(dir / "density.csv");
        std::string line;
        std::getline(in, line);
        REQUIRE(line == "NUTS_ID,band1_sum,band1_area");
        out << "NUTS_ID,density\n";
        std::size_t with_data = 0;
        while (std::getline(in, line)) {
            std::stringstream fields(line);
            std::string id, sum, area;
            std::getline(fields, id, ',');
            std::getline(fields, sum, ',');
            std::getline(fields, area, ',');
            ids.insert(id);
            const double people = std::stod(sum), km2 = std::stod(area) / 1e6;
            out << id << ',';
            if (people > 0 && km2 > 0 && id.rfind("TR", 0) != 0) {
                out << people / km2;
                ++with_data;
            }
            out << '\n';
        }
        CHECK(with_data > 1400);
    }
    REQUIRE(ids.size() == 1514);

    const fs::path svg = dir / "density.svg", again = dir / "again.svg";
    auto map = [&](const fs::path& output) {
        return regio + " map --layer " + quoted(nuts) + " --id NUTS_ID --name NAME_LATN --field density --data " +
               quoted((dir / "density.csv").string()) + " --data-id NUTS_ID --style " + quoted(std::string(REGIO_STYLES) + "/nuts-europe.toml") +
               " --title 'Population density 2018, NUTS 2021 level 3' --legend-title 'persons per km²' --source " +
               "'Source: JRC-GEOSTAT 2018; © EuroGeographics for the administrative boundaries' -o " + quoted(output.string());
    };
    REQUIRE(shell(map(svg), dir / "map.err") == 0);
    const std::string err = slurp(dir / "map.err");
    INFO("regio map stderr: " << err);
    CHECK(err.find("map: 1514 regions (14 in insets), 5 classes (quantile), ") != std::string::npos);
    CHECK(err.find("(NO0B2): not visible") != std::string::npos);  // Svalbard: north of the frame, in no inset
    const std::string text = slurp(svg);
    std::cout << "NUTS 2021 level 3 density map with insets: " << text.size() << " bytes of SVG\n";
    REQUIRE(shell(map(again) + " --quiet", dir / "again.err") == 0);
    CHECK(slurp(again) == text);

    // Every region exactly once, in the frame it belongs to: the nearest
    // enclosing <g id="..."> is "regions" or "inset-N".
    std::map<std::string, std::string> frame_of;
    std::size_t paths = 0;
    for (auto at = text.find("<path id=\""); at != std::string::npos; at = text.find("<path id=\"", at + 1)) {
        ++paths;
        const auto id_at = text.find("data-id=\"", at) + 9;
        const std::string id = text.substr(id_at, text.find('"', id_at) - id_at);
        const auto group = text.rfind("<g id=\"", at) + 7;
        CHECK(frame_of.emplace(id, text.substr(group, text.find('"', group) - group)).second);
    }
    CHECK(paths == 1514);
    std::size_t in_insets = 0;
    for (const auto& id : ids) {
        INFO(id);
        REQUIRE(frame_of.count(id));
        if (overseas(id)) {
            CHECK(frame_of[id].rfind("inset-", 0) == 0);
            ++in_insets;
        } else {
            CHECK(frame_of[id] == "regions");
        }
    }
    CHECK(in_insets == 14);  // 7 Canarias islands, 5 French regions, Açores, Madeira
    CHECK(frame_of["ES709"] == "inset-8");  // Tenerife in the last inset: Canarias (ES)
    CHECK(text.find("<text x=\"") != std::string::npos);
    CHECK(text.find(">Canarias (ES)</text>") != std::string::npos);
    CHECK(text.find(">La Réunion (FR)</text>") != std::string::npos);

    // Legend counts add up to all regions.
    std::size_t total = 0;
    for (auto at = text.find("<tspan fill=\"#666666\">("); at != std::string::npos; at = text.find("<tspan fill=\"#666666\">(", at + 1))
        total += std::stoul(text.substr(at + 23));
    CHECK(total == 1514);

    // rsvg-convert (librsvg2-bin) renders it without a word on stderr.
    if (std::system("command -v rsvg-convert >/dev/null 2>&1") != 0) {
        WARN("rsvg-convert is not on PATH: the render check is skipped");
    } else {
        const fs::path png = dir / "density.png";
        CHECK(shell("rsvg-convert -o " + quoted(png.string()) + " " + quoted(svg.string()), dir / "rsvg.err") == 0);
        CHECK(slurp(dir / "rsvg.err").empty());
        REQUIRE(fs::exists(png));
        CHECK(fs::file_size(png) > 10000);
        std::cout << "rendered by rsvg-convert: " << fs::file_size(png) << " bytes of PNG\n";
    }
    fs::remove_all(dir);
}

}  // namespace map_insets_test
