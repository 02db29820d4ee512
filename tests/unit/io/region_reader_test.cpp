// Regions with their attributes in one pass: the values are the same as
// read_text_field / read_numeric_field give, and bad numbers are named.
#include "regio/error.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/region_reader.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace region_reader_test {

using namespace regio;

namespace {

struct TempGeoJson {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("regio-regions-" + std::to_string(::getpid()) + ".geojson");
    explicit TempGeoJson(const std::string& features) {
        std::ofstream(path) << R"({"type":"FeatureCollection","features":[)" << features << "]}";
    }
    ~TempGeoJson() { std::filesystem::remove(path); }
};

std::string square(const std::string& props, double x) {
    return R"({"type":"Feature","properties":)" + props + R"(,"geometry":{"type":"Polygon","coordinates":[[[)" +
           std::to_string(x) + ",0],[" + std::to_string(x + 1) + ",0],[" + std::to_string(x + 1) + ",1],[" + std::to_string(x) +
           ",1],[" + std::to_string(x) + ",0]]]}}";
}

}  // namespace

TEST_CASE("read regions: names and values come in the same pass as the shapes") {
    const TempGeoJson file(square(R"({"id":"A","name":"Alpha","value":1.5,"text":"2.5"})", 0) + "," +
                           square(R"({"id":"B","name":null,"value":null,"text":""})", 1) + "," +
                           square(R"({"id":"C","name":"Gamma","value":-3,"text":"7"})", 2));
    const io::InputSpec input{file.path.string(), ""};
    std::vector<std::string> warnings;
    io::RegionFields fields;
    const auto regions = io::read_regions(input, {"id", {"name"}, {"value", "text"}}, warnings, &fields);
    REQUIRE(regions.ids == std::vector<std::string>{"A", "B", "C"});
    CHECK(fields.text["name"] == std::vector<std::string>{"Alpha", "", "Gamma"});
    CHECK(fields.text["name"] == io::read_text_field(input, "name"));
    const auto& values = fields.numbers["value"];
    REQUIRE(values.size() == 3);
    CHECK(values[0] == 1.5);
    CHECK(std::isnan(values[1]));
    CHECK(values[2] == -3);
    const auto& text = fields.numbers["text"];
    CHECK(text[0] == 2.5);
    CHECK(std::isnan(text[1]));  // empty text is no data
    CHECK(text[2] == 7);
}

TEST_CASE("read regions: a field that is missing or holds a word is named") {
    const TempGeoJson file(square(R"({"id":"A","value":"12"})", 0) + "," + square(R"({"id":"B","value":"twelve"})", 1));
    const io::InputSpec input{file.path.string(), ""};
    std::vector<std::string> warnings;
    io::RegionFields fields;
    CHECK_THROWS_AS(io::read_regions(input, {"id", {}, {"missing"}}, warnings, &fields), DataError);
    try {
        (void)io::read_regions(input, {"id", {}, {"value"}}, warnings, &fields);
        FAIL("a word in a numeric field must be an error");
    } catch (const DataError& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Catch::Contains("'twelve' is not a number"));
        CHECK_THAT(what, Catch::Contains("value"));
    }
}

}  // namespace region_reader_test
