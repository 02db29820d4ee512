#include "regio/io/csv_format.hpp"

#include <catch2/catch.hpp>

#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace csv_format_test {

using namespace regio::io;

TEST_CASE("csv: delimiter detection") {
    CHECK(detect_delimiter("id,x,y") == ',');
    CHECK(detect_delimiter("id;x;y") == ';');
    CHECK(detect_delimiter("id\tx\ty") == '\t');
    CHECK(detect_delimiter("\"a,b\";x;y") == ';');  // commas inside quotes do not count
    CHECK(detect_delimiter("single") == ',');
    CHECK(detect_delimiter("id|x|y") == '|');
    CHECK(detect_delimiter("id|x|y|a,b") == '|');
    CHECK(detect_delimiter("a,b|c") == ',');  // a tie goes to the earlier of , ; tab |
}

TEST_CASE("csv: splitting records with and without quotes") {
    std::vector<std::string_view> f;
    std::string scratch;
    REQUIRE(split_record("a,b,,d", ',', f, scratch));
    REQUIRE(f.size() == 4);
    CHECK(f[2].empty());
    CHECK(f[3] == "d");

    REQUIRE(split_record("1,\"Main St, 5\",\"say \"\"hi\"\"\",x\r", ',', f, scratch));
    REQUIRE(f.size() == 4);
    CHECK(f[0] == "1");
    CHECK(f[1] == "Main St, 5");
    CHECK(f[2] == "say \"hi\"");
    CHECK(f[3] == "x");  // CR stripped

    REQUIRE(split_record("\"multi\nline\";2", ';', f, scratch));
    CHECK(f[0] == "multi\nline");
    CHECK_FALSE(split_record("\"open,1", ',', f, scratch));
}

TEST_CASE("csv: record ends respect quotes") {
    CHECK(find_record_end("a,b\nc") == 3);
    CHECK(find_record_end("\"a\nb\",c\nd") == 7);
    CHECK(find_record_end("no newline") == 10);
}

TEST_CASE("csv: numbers") {
    double v = 0;
    CHECK(parse_number("12.5", ',', v) == NumberStatus::Ok);
    CHECK(v == 12.5);
    CHECK(parse_number("  -3e2 ", ',', v) == NumberStatus::Ok);
    CHECK(v == -300);
    CHECK(parse_number("+7", ',', v) == NumberStatus::Ok);
    CHECK(v == 7);
    CHECK(parse_number("", ',', v) == NumberStatus::Empty);
    CHECK(parse_number("   ", ',', v) == NumberStatus::Empty);
    CHECK(parse_number("abc", ',', v) == NumberStatus::NotANumber);
    CHECK(parse_number("12abc", ',', v) == NumberStatus::NotANumber);
    CHECK(parse_number("NaN", ',', v) == NumberStatus::NotFinite);
    CHECK(parse_number("inf", ',', v) == NumberStatus::NotFinite);
    CHECK(parse_number("-Infinity", ',', v) == NumberStatus::NotFinite);
    // Decimal commas only with ';' as the delimiter.
    CHECK(parse_number("12,5", ';', v) == NumberStatus::Ok);
    CHECK(v == 12.5);
    CHECK(parse_number("12,5", ',', v) == NumberStatus::NotANumber);
    CHECK(parse_number("1,000,5", ';', v) == NumberStatus::NotANumber);
}

TEST_CASE("csv: problem descriptions name the field") {
    CHECK(describe_number_problem(NumberStatus::Empty, "x", "") == "x is empty");
    CHECK(describe_number_problem(NumberStatus::NotANumber, "y", "n/a") == "y 'n/a' is not a number");
    CHECK(describe_number_problem(NumberStatus::NotFinite, "x", "NaN") == "x is not finite (NaN)");
}

TEST_CASE("csv: byte order mark") {
    CHECK(strip_bom("\xEF\xBB\xBFid,x") == "id,x");
    CHECK(strip_bom("id,x") == "id,x");
}

}  // namespace csv_format_test
