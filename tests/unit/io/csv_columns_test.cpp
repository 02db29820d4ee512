// read_csv_columns: selected columns of a table in one pass (the large-table
// reader of regio segregation), with the format rules of read_csv_table.
#include "regio/error.hpp"
#include "regio/io/csv_columns.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace csv_columns_test {

using namespace regio::io;
using Catch::Matchers::Contains;

namespace {

struct TempTable {
    std::filesystem::path path;
    explicit TempTable(const std::string& text)
        : path(std::filesystem::temp_directory_path() / ("regio-csv-columns-" + std::to_string(std::hash<std::string>{}(text)) + ".csv")) {
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempTable() { std::filesystem::remove(path); }
};

}  // namespace

TEST_CASE("csv columns: texts and numbers by name, quotes, blank lines, CRLF, BOM") {
    const TempTable t("\xEF\xBB\xBFid,skip,n,m\r\n\"a,1\",x,1.5,2\r\n\r\nb,y,,-3e2\r\n");
    const CsvColumns c = read_csv_columns(t.path.string(), {"id"}, {"m", "n"});
    REQUIRE(c.texts.size() == 1);
    REQUIRE(c.texts[0].size() == 2);
    CHECK(c.texts[0][0] == "a,1");
    CHECK(c.texts[0][1] == "b");
    CHECK(c.texts[0].strings() == std::vector<std::string>{"a,1", "b"});
    CHECK(c.numbers[0] == std::vector<double>{2, -300});
    CHECK(c.numbers[1][0] == 1.5);
    CHECK(std::isnan(c.numbers[1][1]));  // empty
    CHECK(c.lines == std::vector<std::int64_t>{2, 4});
}

TEST_CASE("csv columns: semicolons with decimal commas") {
    const TempTable t("id;v\nq;12,5\n");
    const CsvColumns c = read_csv_columns(t.path.string(), {"id"}, {"v"});
    CHECK(c.numbers[0] == std::vector<double>{12.5});
}

TEST_CASE("csv columns: errors name the line and column") {
    const TempTable missing("id,v\na,1\n");
    CHECK_THROWS_WITH(read_csv_columns(missing.path.string(), {"id"}, {"w"}), Contains("no column 'w' (columns: id, v)"));
    const TempTable bad("id,v\na,1\nb,lots\n");
    CHECK_THROWS_WITH(read_csv_columns(bad.path.string(), {"id"}, {"v"}), Contains("line 3: field 'v'") && Contains("'lots'"));
    const TempTable ragged("id,v\na,1,2\n");
    CHECK_THROWS_WITH(read_csv_columns(ragged.path.string(), {"id"}, {"v"}), Contains("line 2: has 3 fields, the header 2"));
    const TempTable empty("");
    CHECK_THROWS_AS(read_csv_columns(empty.path.string(), {"id"}, {}), regio::DataError);
    CHECK_THROWS_AS(read_csv_columns("/nonexistent/table.csv", {"id"}, {}), regio::IoError);
}

}  // namespace csv_columns_test
