#include "regio/io/input_spec.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace input_spec_test {

using regio::io::InputSpec;

TEST_CASE("input spec: FILE[:LAYER]") {
    CHECK(InputSpec::parse("regions.gpkg:nutsrg_3").path == "regions.gpkg");
    CHECK(InputSpec::parse("regions.gpkg:nutsrg_3").layer == "nutsrg_3");
    CHECK(InputSpec::parse("regions.gpkg").layer.empty());
    CHECK(InputSpec::parse("dir/with.dots/file.gpkg:lyr").path == "dir/with.dots/file.gpkg");
    CHECK(InputSpec::parse("trailing:").layer.empty());
    CHECK(InputSpec::parse("regions.gpkg:nutsrg_3").display() == "regions.gpkg:nutsrg_3");
}

TEST_CASE("input spec: a text too long to be a file name is split, not an error") {
    // The file system refuses to look such a name up (ENAMETOOLONG): that
    // makes it no existing path, not a failure of parsing.
    const std::string name(300, 'a');
    CHECK(InputSpec::parse(name + ".gpkg:layer").path == name + ".gpkg");
    CHECK(InputSpec::parse(name + ".gpkg:layer").layer == "layer");
    CHECK(InputSpec::parse("[" + name + "]").path == "[" + name + "]");
}

TEST_CASE("input spec: an existing path with a colon is taken whole") {
    // The test data directory exists, so the whole text is the path.
    const std::string dir = REGIO_TEST_DATA;
    CHECK(InputSpec::parse(dir).path == dir);
}

TEST_CASE("input spec: data source names are taken whole (issue #16)") {
    using regio::io::is_data_source_name;
    const auto pg = InputSpec::parse("PG:dbname=gis host=db.example tables=nuts2");
    CHECK(pg.path == "PG:dbname=gis host=db.example tables=nuts2");
    CHECK(pg.layer.empty());
    CHECK_FALSE(pg.is_local());
    CHECK(InputSpec::parse("/vsizip/a.zip/b.shp").path == "/vsizip/a.zip/b.shp");
    CHECK(InputSpec::parse("postgresql://u:p@host/db").path == "postgresql://u:p@host/db");
    CHECK(is_data_source_name("WFS:https://example.org/wfs"));
    CHECK(is_data_source_name("MySQL:stats,user=me"));
    CHECK_FALSE(is_data_source_name("regions.gpkg:nuts"));
    CHECK_FALSE(is_data_source_name("C:/data/regions.gpkg"));  // a drive letter, not a driver
    CHECK_FALSE(is_data_source_name("regions:nuts"));          // lower case: a file and a layer
    CHECK(InputSpec::parse("regions:nuts").layer == "nuts");
}

TEST_CASE("input spec: the companion layer option keeps the colons of the source") {
    const auto spec = InputSpec::parse("PG:dbname=gis host=a:b", "stats.nuts2");
    CHECK(spec.path == "PG:dbname=gis host=a:b");
    CHECK(spec.layer == "stats.nuts2");
    CHECK(spec.display() == "PG:dbname=gis host=a:b (layer stats.nuts2)");
    // A file path is taken whole too, even one that does not exist.
    CHECK(InputSpec::parse("dir:x/regions.gpkg", "nuts").path == "dir:x/regions.gpkg");
    CHECK(InputSpec::parse("regions.gpkg", "nuts").display() == "regions.gpkg:nuts");
    // Without the option the text form applies.
    CHECK(InputSpec::parse("regions.gpkg:nuts", "").layer == "nuts");
}

TEST_CASE("input spec: passwords never reach a message") {
    using regio::io::redact_secrets;
    CHECK(redact_secrets("PG:dbname=gis password=s3cret user=me") == "PG:dbname=gis password=*** user=me");
    CHECK(redact_secrets("PG:dbname=gis PASSWORD = 'a b\\' c' user=me") == "PG:dbname=gis PASSWORD = *** user=me");
    CHECK(redact_secrets("postgresql://me:s3cret@db/gis") == "postgresql://me:***@db/gis");
    CHECK(redact_secrets("PG:dbname=gis user=me") == "PG:dbname=gis user=me");
    // Inside JSON the closing quote stays; redacting twice changes nothing.
    CHECK(redact_secrets(R"({"source": "PG:password=x1"})") == R"({"source": "PG:password=***"})");
    // (Messages are built from the redacted source, then redacted again.)
    const std::string once = redact_secrets("PG:password=x1") + ": no layer 'a'";
    CHECK(once == "PG:password=***: no layer 'a'");
    CHECK(redact_secrets(once) == once);
    CHECK(redact_secrets("PG:password=***abc") == "PG:password=***");  // a password that starts with ***
    CHECK(InputSpec::parse("PG:dbname=gis password=s3cret", "t").display() == "PG:dbname=gis password=*** (layer t)");
}

}  // namespace input_spec_test
