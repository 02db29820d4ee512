#include "regio/aggregate/band_reader.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace band_reader_test {

using regio::aggregate::Band;
using regio::aggregate::BandReader;

namespace {

// Each band holds its first row number in every value.
void fill(std::int64_t row0, Band& band) {
    band.row0 = row0;
    band.rows = 3;
    band.values.assign(3, static_cast<double>(row0));
}

}  // namespace

TEST_CASE("band reader: bands come in row order, threaded or not") {
    for (const bool threaded : {false, true}) {
        BandReader reader(10, 3, 2, fill, threaded);  // rows 0-2, 3-5, 6-8, 9
        for (std::int64_t row0 = 0; row0 < 10; row0 += 3) {
            const Band& band = reader.next();
            CHECK(band.row0 == row0);
            CHECK(band.values[0] == static_cast<double>(row0));
            reader.release();
        }
    }
}

TEST_CASE("band reader: a read error reaches the consumer at its band, earlier bands intact") {
    auto failing = [](std::int64_t row0, Band& band) {
        if (row0 == 6) throw std::runtime_error("cannot read rows 6-8");
        fill(row0, band);
    };
    for (const bool threaded : {false, true}) {
        BandReader reader(12, 3, 2, failing, threaded);
        CHECK(reader.next().row0 == 0);
        reader.release();
        CHECK(reader.next().row0 == 3);
        reader.release();
        CHECK_THROWS_WITH(reader.next(), "cannot read rows 6-8");
    }
}

TEST_CASE("band reader: stops reading ahead when the consumer gives up") {
    std::atomic<int> reads{0};
    {
        BandReader reader(1000, 1, 2, [&](std::int64_t row0, Band& band) { ++reads; fill(row0, band); }, true);
        reader.next();
        reader.release();
    }  // destroyed mid-sweep: the thread is stopped and joined, not left running
    CHECK(reads.load() <= 4);  // the band taken, plus at most `ahead` + 1 more
}

}  // namespace band_reader_test
