#include "regio/io/csv_point_source.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace csv_point_source_test {

using namespace regio::io;

namespace {

class TempFile {
public:
    explicit TempFile(const std::string& content) {
        static int counter = 0;
        m_path = std::filesystem::temp_directory_path() /
                 ("regio_csv_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".csv");
        std::ofstream(m_path, std::ios::binary) << content;
    }
    ~TempFile() { std::filesystem::remove(m_path); }
    [[nodiscard]] std::string path() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

struct Decoded {
    PointBatch all;
    std::int64_t invalid = 0;
    std::vector<InvalidRecord> examples;
};

// Reads the whole file in tiny blocks, so chunk boundaries fall everywhere.
Decoded decode_all(const std::string& path, const PointFields& fields, std::size_t block = 7) {
    CsvPointSource source(path, fields, block);
    Decoded out;
    RawChunk chunk;
    PointBatch batch;
    while (source.read(chunk)) {
        source.decode(chunk, batch);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            out.all.x.push_back(batch.x[i]);
            out.all.y.push_back(batch.y[i]);
            out.all.ref.push_back(batch.ref[i]);
            out.all.group_names.push_back(batch.group_names[batch.group[i]]);
            for (std::size_t k = 0; k < fields.weights.size(); ++k)
                out.all.weights.push_back(batch.weights[i * fields.weights.size() + k]);
        }
        out.invalid += batch.invalid_count;
        out.examples.insert(out.examples.end(), batch.invalid_examples.begin(), batch.invalid_examples.end());
    }
    return out;
}

}  // namespace

TEST_CASE("csv points: plain file, any block size") {
    TempFile f("id,x,y,w\n1,10,20,1.5\n2,11,21,2\n3,12,22,3\n");
    for (std::size_t block : {std::size_t{1}, std::size_t{5}, std::size_t{64}, std::size_t{1} << 20}) {
        const Decoded d = decode_all(f.path(), {"x", "y", {"w"}, ""}, block);
        REQUIRE(d.all.size() == 3);
        CHECK(d.all.x[2] == 12);
        CHECK(d.all.y[0] == 20);
        CHECK(d.all.weights[0] == 1.5);
        CHECK(d.all.ref == std::vector<std::int64_t>{2, 3, 4});
        CHECK(d.invalid == 0);
    }
}

TEST_CASE("csv points: BOM, CRLF, blank lines, quotes, semicolons") {
    TempFile f("\xEF\xBB\xBF\r\nname;x;y;grp\r\n\"Haus; 1\";1,5;2,5;\"EU\"\r\n\r\n\"multi\nline\";3;4;non_eu\r\n;5;6;\r\n");
    const Decoded d = decode_all(f.path(), {"x", "y", {}, "grp"});
    REQUIRE(d.all.size() == 3);
    CHECK(d.all.x[0] == 1.5);   // decimal comma
    CHECK(d.all.y[0] == 2.5);
    CHECK(d.all.ref[0] == 3);   // line numbers count the blank first line
    CHECK(d.all.ref[1] == 5);
    CHECK(d.all.ref[2] == 7);   // the quoted newline counts as a line
    CHECK(d.all.group_names == std::vector<std::string>{"EU", "non_eu", "NA"});
}

TEST_CASE("csv points: invalid records are counted with line and reason") {
    TempFile f("x,y,w\n1,2,3\nNaN,2,3\nabc,2,3\n1,inf,3\n1,,3\n1,2\n1,2,x\n4,5,6");
    const Decoded d = decode_all(f.path(), {"x", "y", {"w"}, ""});
    CHECK(d.all.size() == 2);
    REQUIRE(d.invalid == 6);
    REQUIRE(d.examples.size() == 6);
    CHECK(d.examples[0].ref == 3);
    CHECK(d.examples[0].why == "x is not finite (NaN)");
    CHECK(d.examples[1].why == "x 'abc' is not a number");
    CHECK(d.examples[2].why == "y is not finite (inf)");
    CHECK(d.examples[3].why == "y is empty");
    CHECK(d.examples[4].why == "has 2 fields, expected at least 3");
    CHECK(d.examples[5].why == "w 'x' is not a number");
    CHECK(d.all.ref.back() == 9);  // the last line has no newline
}

TEST_CASE("csv points: header problems are errors naming the file") {
    TempFile empty("");
    CHECK_THROWS_AS(CsvPointSource(empty.path(), {"x", "y", {}, ""}), regio::DataError);
    TempFile blank("\n\n");
    CHECK_THROWS_WITH(CsvPointSource(blank.path(), {"x", "y", {}, ""}), Catch::Contains("empty file"));
    TempFile f("a,b\n1,2\n");
    CHECK_THROWS_WITH(CsvPointSource(f.path(), {"x", "y", {}, ""}),
                      Catch::Contains("no column 'x'") && Catch::Contains("columns: a, b"));
    CHECK_THROWS_AS(CsvPointSource(f.path(), {"", "", {}, ""}), regio::UsageError);
    CHECK_THROWS_AS(CsvPointSource("/nonexistent/points.csv", {"x", "y", {}, ""}), regio::IoError);
}

TEST_CASE("csv points: coordinate columns are found by common names") {
    TempFile f("ID,Lon,Lat\n1,13.4,52.5\n");
    const Decoded d = decode_all(f.path(), {"", "", {}, ""});
    REQUIRE(d.all.size() == 1);
    CHECK(d.all.x[0] == 13.4);
    CHECK(d.all.y[0] == 52.5);
}

TEST_CASE("csv points: header only means no records") {
    TempFile f("x,y\n");
    CHECK(decode_all(f.path(), {"x", "y", {}, ""}).all.size() == 0);
}

// Fuzz finding (tests/fuzz/corpus/csv_points/header_quoted_newline): a line
// break inside a quoted header name was counted as no line, so every record
// was reported one line too early.
TEST_CASE("csv points: line numbers after a header with a quoted line break") {
    for (const std::size_t block : {std::size_t{7}, std::size_t{4} << 20}) {
        TempFile f("\"point\nid\",x,y\n1,2,3\n2,bad,3\n");
        const Decoded d = decode_all(f.path(), {"x", "y", {}, ""}, block);
        REQUIRE(d.all.size() == 1);
        CHECK(d.all.ref[0] == 3);
        REQUIRE(d.examples.size() == 1);
        CHECK(d.examples[0].ref == 4);
    }
}

}  // namespace csv_point_source_test
