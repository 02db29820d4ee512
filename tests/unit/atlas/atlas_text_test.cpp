// Unit tests of the atlas's building blocks: ranks with ties, file names for
// any id, numbers in both languages, ordinals, and the checks on the
// indicator table (a value on a suppressed row is refused, never shown).
#include "regio/atlas/indicator_series.hpp"
#include "regio/atlas/site_text.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace atlas_text_test {

using namespace regio::atlas;

namespace {

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path.string();
}

const char* const kHeader = "region,indicator,group,value,numerator,denominator,flag,definition,label\n";

}  // namespace

TEST_CASE("atlas: ranks, highest first, ties share the best rank", "[atlas]") {
    Series s;
    s.cells["a"] = Cell{5.0, "5", "100", "ok"};
    s.cells["b"] = Cell{7.0, "7", "100", "ok"};
    s.cells["c"] = Cell{5.0, "5", "100", "ok"};
    s.cells["d"] = Cell{std::nullopt, "", "", "suppressed"};
    s.cells["e"] = Cell{1.0, "1", "100", "ok"};
    const auto ranks = rank_regions(s, {"a", "b", "c", "d", "e", "not_in_table"});
    CHECK(ranks.at("b") == 1);
    CHECK(ranks.at("a") == 2);
    CHECK(ranks.at("c") == 2);
    CHECK(ranks.at("e") == 4);
    CHECK(ranks.count("d") == 0);
    CHECK(ranks.count("not_in_table") == 0);
    // Only the regions asked for are ranked.
    CHECK(rank_regions(s, {"e", "a"}).at("e") == 2);
}

TEST_CASE("atlas: file names are safe and distinct for any id", "[atlas]") {
    CHECK(file_stem("DE300") == "DE300");
    CHECK(file_stem("01_02-a") == "01_02-a");
    CHECK(file_stem("../etc/passwd") == "~2E~2E~2Fetc~2Fpasswd");
    CHECK(file_stem("a b") == "a~20b");
    CHECK(file_stem("") == "_");
    const std::set<std::string> stems{file_stem("a/b"), file_stem("a~2Fb"), file_stem("a_2Fb"), file_stem("a.b")};
    CHECK(stems.size() == 4);
}

TEST_CASE("atlas: numbers and ordinals in English and German", "[atlas]") {
    CHECK(format_number(12.44, 1, Language::English) == "12.4");
    CHECK(format_number(12.46, 1, Language::German) == "12,5");
    CHECK(format_number(-0.04, 1, Language::English) == "0.0");  // no "-0.0"
    CHECK(format_count(1234567, Language::English) == "1,234,567");
    CHECK(format_count(1234567, Language::German) == "1.234.567");
    CHECK(ordinal(1, Language::English) == "1st");
    CHECK(ordinal(2, Language::English) == "2nd");
    CHECK(ordinal(3, Language::English) == "3rd");
    CHECK(ordinal(11, Language::English) == "11th");
    CHECK(ordinal(12, Language::English) == "12th");
    CHECK(ordinal(13, Language::English) == "13th");
    CHECK(ordinal(21, Language::English) == "21st");
    CHECK(ordinal(112, Language::English) == "112th");
    CHECK(ordinal(3, Language::German) == "3.");
    CHECK(parse_language("de") == Language::German);
    CHECK_THROWS_AS(parse_language("fr"), regio::UsageError);
}

TEST_CASE("atlas: the indicator table as series, with its unit", "[atlas]") {
    const auto path = write_temp("regio_atlas_series.csv",
                                 std::string(kHeader) +
                                     "A,share,x,25,1,4,ok,citizenship,Share\n"
                                     "B,share,x,,,,suppressed,citizenship,Share\n"
                                     "A,rate,x_gap,-3,,,ok,citizenship,Gap\n");
    const IndicatorTable t = read_indicator_table(path);
    REQUIRE(t.series.size() == 2);
    CHECK(t.series[0].key() == "share--x");
    CHECK(t.series[0].unit == "%");
    CHECK(t.series[1].unit == "pp");
    CHECK(t.series[1].is_gap());
    CHECK_FALSE(t.series[0].cells.at("B").value);
    CHECK(t.regions == std::vector<std::string>{"A", "B"});
}

TEST_CASE("atlas: a value on a suppressed row, or a row twice, is refused", "[atlas]") {
    const auto leak = write_temp("regio_atlas_leak.csv", std::string(kHeader) + "A,share,x,25,1,4,suppressed,citizenship,Share\n");
    CHECK_THROWS_WITH(read_indicator_table(leak), Catch::Contains("a value on a row flagged 'suppressed'") && Catch::Contains("line 2"));
    const auto twice = write_temp("regio_atlas_twice.csv",
                                  std::string(kHeader) + "A,share,x,25,1,4,ok,c,S\nA,share,x,25,1,4,ok,c,S\n");
    CHECK_THROWS_WITH(read_indicator_table(twice), Catch::Contains("appears twice") && Catch::Contains("line 3"));
}

TEST_CASE("atlas: indicator tables of several steps merge into vintages", "[atlas]") {
    const auto first = write_temp("regio_atlas_v1.csv", std::string(kHeader) + "A,share,x,20,1,5,ok,c,Share\nB,share,x,10,1,10,ok,c,Share\n");
    const auto other = write_temp("regio_atlas_v2.csv", std::string(kHeader) + "A,rate,y,50,1,2,ok,c,Rate\n");
    const auto later = write_temp("regio_atlas_v3.csv", std::string(kHeader) + "A,share,x,25,1,4,ok,c,Share\nC,share,x,,,,no_data,c,Share\n");
    const Vintages v = merge_vintages({read_indicator_table(first), read_indicator_table(other), read_indicator_table(later)});
    REQUIRE(v.current.series.size() == 2);
    CHECK(v.current.series[0].key() == "share--x");
    CHECK(*v.current.series[0].cells.at("A").value == 25);  // the later step is the current vintage
    CHECK(*v.previous.at("share--x").cells.at("A").value == 20);
    CHECK(v.previous.count("rate--y") == 0);
    CHECK(v.current.regions == std::vector<std::string>{"A", "B", "C"});
}

}  // namespace atlas_text_test
