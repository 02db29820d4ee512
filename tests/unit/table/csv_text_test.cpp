#include "regio/table/csv_text.hpp"

#include <catch2/catch.hpp>

#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace csv_text_test {

using namespace regio::table;

TEST_CASE("csv text: numbers are short, exact and stable") {
    CHECK(format_number(3, ColumnKind::Integer) == "3");
    CHECK(format_number(12345, ColumnKind::Real) == "12345");
    CHECK(format_number(0.1, ColumnKind::Real) == "0.1");
    CHECK(format_number(-0.0, ColumnKind::Real) == "0");
    CHECK(format_number(1.0 / 3.0, ColumnKind::Real) == "0.3333333333333333");
}

TEST_CASE("csv text: quoting") {
    CHECK(csv_quote("plain") == "plain");
    CHECK(csv_quote("a,b") == "\"a,b\"");
    CHECK(csv_quote("say \"x\"") == "\"say \"\"x\"\"\"");
}

TEST_CASE("csv text: a table with a missing cell") {
    RegionTable t("id", {"A", "B,C"});
    auto& count = t.add_column("count", ColumnKind::Integer);
    count.values = {1, 2};
    auto& share = t.add_column("share", ColumnKind::Real);
    share.values = {0.5, 0};
    share.status[1] = CellStatus::Missing;
    std::ostringstream out;
    write_csv(out, t);
    CHECK(out.str() == "id,count,share\nA,1,0.5\n\"B,C\",2,\n");
    CHECK_THROWS(t.add_column("count", ColumnKind::Real));
}

}  // namespace csv_text_test
