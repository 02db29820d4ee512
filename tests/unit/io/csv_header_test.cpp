// The header rule every CSV reader shares (io/csv_header), and the writers'
// last check that no output holds invalid UTF-8 (io/output_utf8).
#include "regio/io/csv_header.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_utf8.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace csv_header_test {

using namespace regio::io;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {
std::string message_of(std::string_view header, const TextOptions& options = {}) {
    try {
        (void)parse_csv_header(header, options, "t.csv", 1);
    } catch (const regio::Error& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("csv header: delimiter detected or named") {
    CHECK(parse_csv_header("a|b|c", {}, "t.csv", 1).columns == std::vector<std::string>{"a", "b", "c"});
    const CsvHeader named = parse_csv_header("a:b,c", TextOptions{':', {}}, "t.csv", 1);
    CHECK(named.delimiter == ':');
    CHECK(named.columns == std::vector<std::string>{"a", "b,c"});
}

TEST_CASE("csv header: a header that cannot be one") {
    CHECK(message_of("4000250,3000250,2") ==
          "t.csv: line 1: the first line looks like data, not a header: column 1 is the number '4000250' where a column "
          "name should be");
    CHECK(message_of("code,2020") == "t.csv: line 1: the first line looks like data, not a header: column 2 is the number "
                                     "'2020' where a column name should be");
    CHECK(message_of("id,pop,area,pop") == "t.csv: line 1: field 'pop': columns 2 and 4 are both named 'pop'");
    CHECK(message_of("id,K\xF6penick") == "t.csv: line 1: field 'header column 2': invalid UTF-8 (byte 0xF6 after 'K')");
    CHECK(parse_csv_header("id,K\xF6penick", TextOptions{0, "ISO-8859-1"}, "t.csv", 1).columns.back() == "K\xC3\xB6penick");
    CHECK(missing_column_hint({"a;b"}, ',') == "the header has one column when split at ','; name the delimiter with --delimiter");
    CHECK(missing_column_hint({"a", "b"}, ',').empty());
}

TEST_CASE("output check: invalid UTF-8 never reaches an output") {
    const fs::path dir = fs::temp_directory_path() / ("regio_utf8_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path target = dir / "table.csv";
    {
        OutputFile out(target, Overwrite::No, {});
        std::ofstream(out.temp_path(), std::ios::binary) << "id,name\nA,Gen\xE8ve\n";
        CHECK_THROWS_WITH(out.commit(), Contains(target.string() + ": line 2: the output would hold invalid UTF-8 (byte 0xE8 after 'A,Gen')"));
    }
    CHECK(fs::is_empty(dir));  // neither the output nor its temporary file
    {
        OutputFile out(target, Overwrite::No, {});
        std::ofstream(out.temp_path(), std::ios::binary) << "id,name\nA,Gen\xC3\xA8ve\n";
        out.commit();
    }
    CHECK(fs::exists(target));
    fs::remove_all(dir);
}

}  // namespace csv_header_test
