// aggregate points --assignments (issue #18 item 8): rows in input order
// whatever the chunking and the number of threads; bounded reordering.
#include "regio/aggregate/aggregate_points.hpp"
#include "regio/aggregate/assignments.hpp"

#include "regio/io/csv_point_source.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace assignments_test {

using namespace regio;

namespace {

geometry::MultiPolygon square(double x0, double y0, double x1, double y1) {
    return {{geometry::Polygon{{geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

std::string assignments_of(const std::string& path, const geometry::PointLocator& locator, const std::vector<std::string>& ids,
                           unsigned threads, std::size_t block) {
    io::CsvPointSource source(path, {"x", "y", {}, ""}, block);
    std::ostringstream out;
    aggregate::PointsOptions options;
    options.threads = threads;
    options.assignments = {&out, "id", &ids};
    const auto result = aggregate::aggregate_points(source, locator, 0, options);
    CHECK(result.conserved());
    return out.str();
}

}  // namespace

TEST_CASE("assignments: input order with any chunking and threads, invalid records with their reason") {
    const geometry::PointLocator locator(std::vector<geometry::MultiPolygon>{square(0, 0, 10, 10), square(10, 0, 20, 10)});
    const std::vector<std::string> ids{"L", "R,1"};
    std::string csv = "x,y\n";
    std::string want = "line,id,status,reason\n";
    for (int i = 0; i < 3000; ++i) {
        const int line = i + 2;
        switch (i % 5) {
            case 0: csv += "1,1\n"; want += std::to_string(line) + ",L,assigned,\n"; break;
            case 1: csv += "15,5\n"; want += std::to_string(line) + ",\"R,1\",assigned,\n"; break;
            case 2: csv += "30,5\n"; want += std::to_string(line) + ",,outside,\n"; break;
            case 3: csv += "abc,5\n"; want += std::to_string(line) + ",,invalid,x 'abc' is not a number\n"; break;
            default: csv += "10,5\n"; want += std::to_string(line) + ",\"R,1\",assigned,\n"; break;  // shared edge: east
        }
    }
    const auto path = std::filesystem::temp_directory_path() / ("regio_assign_" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path, std::ios::binary) << csv;
    for (const unsigned threads : {1u, 2u, 7u})
        for (const std::size_t block : {std::size_t{64}, std::size_t{1000}, std::size_t{1} << 20}) {
            CAPTURE(threads, block);
            CHECK(assignments_of(path.string(), locator, ids, threads, block) == want);
        }
    std::filesystem::remove(path);
}

TEST_CASE("assignments writer: chunks finishing out of order are written in order") {
    std::ostringstream out;
    aggregate::AssignmentsWriter writer(out, "feature", "id", 2);
    // Chunk 1 waits for chunk 0 (within the window); chunk 3 would be past it
    // and waits in its own thread until 0..1 are written.
    writer.deliver(1, "b\n");
    std::thread late([&] { writer.deliver(3, "d\n"); });
    writer.deliver(0, "a\n");
    writer.deliver(2, "c\n");
    late.join();
    CHECK(writer.complete());
    CHECK(out.str() == "feature,id,status,reason\na\nb\nc\nd\n");
}

}  // namespace assignments_test
