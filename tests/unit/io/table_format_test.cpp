// Output formats by --of or extension, and which database a connection
// string names (issue #16).
#include "regio/error.hpp"
#include "regio/io/database_table.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/table_format.hpp"

#include <catch2/catch.hpp>

#include <optional>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace table_format_test {

using regio::io::TableFormat;
using regio::io::table_format;

TEST_CASE("table format: by extension, case-insensitive") {
    CHECK(table_format("--output", "out/t.csv", "") == TableFormat::Csv);
    CHECK(table_format("--output", "out/t.GPKG", "") == TableFormat::GeoPackage);
    CHECK(table_format("--output", "t.fgb", "") == TableFormat::FlatGeobuf);
    CHECK(table_format("--output", "t.geojson", "") == TableFormat::GeoJson);
    CHECK(table_format("--output", "t.json", "") == TableFormat::GeoJson);
    CHECK(table_format("--output", "PG:dbname=stats", "") == TableFormat::PostGis);
}

TEST_CASE("table format: --of wins over the extension") {
    CHECK(table_format("--output", "t.dat", "geojson") == TableFormat::GeoJson);
    CHECK(table_format("--output", "t.dat", "FlatGeobuf") == TableFormat::FlatGeobuf);
    CHECK(table_format("--output", "t.dat", "CSV") == TableFormat::Csv);
    CHECK(table_format("--output", "t.gpkg", "gpkg") == TableFormat::GeoPackage);
}

TEST_CASE("table format: unknown formats are usage errors naming the choices") {
    CHECK_THROWS_AS(table_format("--output", "t.xlsx", ""), regio::UsageError);
    CHECK_THROWS_AS(table_format("--output", "t", ""), regio::UsageError);
    CHECK_THROWS_AS(table_format("--output", "t.csv", "shapefile"), regio::UsageError);
    CHECK_THROWS_AS(table_format("--output", "t.csv", "postgis"), regio::UsageError);  // a file is no database
    try {
        table_format("--output", "t.csv", "xlsx");
        FAIL("no error");
    } catch (const regio::UsageError& e) {
        CHECK_THAT(e.hint(), Catch::Contains("csv, gpkg, fgb, geojson, parquet"));
    }
}

TEST_CASE("table format: Parquet only where GDAL has the driver") {
    std::optional<TableFormat> format;
    std::string message;
    try {
        format = table_format("--output", "t.parquet", "");
    } catch (const regio::IoError& e) {
        message = e.message();
    }
    if (format) CHECK(*format == TableFormat::Parquet);
    else CHECK_THAT(message, Catch::Contains("this GDAL has no Parquet driver"));
}

TEST_CASE("same database: host, port, dbname and service compared; user and password not") {
    using regio::io::same_database;
    CHECK(same_database("PG:dbname=gis host=db port=5432", "PG:host=db  dbname=gis port=5432 user=a password=x"));
    CHECK(same_database("PG:dbname='my gis' host=db", "PG:host=db dbname='my gis'"));
    CHECK_FALSE(same_database("PG:dbname=gis host=db", "PG:dbname=gis host=other"));
    CHECK_FALSE(same_database("PG:dbname=gis", "PG:dbname=stats"));
    CHECK_FALSE(same_database("PG:dbname=gis port=5433", "PG:dbname=gis"));
}

TEST_CASE("sql quoting") {
    CHECK(regio::io::sql_literal("it's") == "'it''s'");
    CHECK(regio::io::sql_identifier("a\"b") == "\"a\"\"b\"");
}

TEST_CASE("output plan: a database output needs a table name and is never an input") {
    using namespace regio::io;
    OutputPlan plan = OutputPlan::reading(Overwrite::No, {{"PG:dbname=gis host=h", "public.regions"}});
    // Both refused before any connection is tried.
    CHECK_THROWS_AS(plan.add_table("--output", {"PG:dbname=gis host=h", "", ""}), regio::UsageError);
    CHECK_THROWS_AS(plan.add_table("--output", {"PG:host=h dbname=gis password=x", "regions", ""}), regio::UsageError);
    CHECK_THROWS_AS(plan.add_table("--output", {"out.csv", "layer", ""}), regio::UsageError);  // no layers in CSV
}

}  // namespace table_format_test
