#include "regio/aggregate/aggregate_points.hpp"

#include "regio/io/csv_point_source.hpp"
#include "regio/table/csv_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace aggregate_points_test {

using namespace regio;

namespace {

geometry::MultiPolygon box(double x0, double y0, double x1, double y1) {
    return {{geometry::Polygon{{geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

std::string write_temp(const std::string& name, const std::string& content) {
    const auto path = std::filesystem::temp_directory_path() / (name + std::to_string(::getpid()) + ".csv");
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

aggregate::PointsResult run(const std::string& path, const geometry::PointLocator& locator, unsigned threads,
                            std::size_t block) {
    io::CsvPointSource source(path, {"x", "y", {"w"}, "g"}, block);
    aggregate::PointsOptions options;
    options.threads = threads;
    return aggregate::aggregate_points(source, locator, 1, options);
}

}  // namespace

TEST_CASE("aggregate points: counts, sums, groups, and every record accounted for") {
    const geometry::PointLocator locator(std::vector<geometry::MultiPolygon>{box(0, 0, 10, 10), box(10, 0, 20, 10)});
    const std::string path = write_temp("regio_agg_",
                                        "x,y,w,g\n"
                                        "1,1,2,a\n"
                                        "11,1,3,b\n"
                                        "10,5,0.5,a\n"   // on the shared edge: east region
                                        "15,5,1,\n"      // empty group: NA
                                        "30,5,7,a\n"     // outside
                                        "x,5,9,a\n"      // invalid, weight 9 still counted as invalid
                                        "2,2,bad,a\n");  // invalid, weight unreadable
    const auto result = run(path, locator, 1, 1 << 20);
    CHECK(result.read == 7);
    CHECK(result.tally.assigned_count() == 4);
    CHECK(result.tally.outside_count() == 1);
    CHECK(result.tally.invalid() == 2);
    CHECK(result.conserved());
    CHECK(result.read_sums[0].value() == 2 + 3 + 0.5 + 1 + 7 + 9);
    CHECK(result.tally.invalid_sum(0).value() == 9);
    REQUIRE(result.invalid_examples.size() == 2);
    CHECK(result.invalid_examples[0].ref == 7);

    const auto table = aggregate::points_table(result, "id", {"L", "R"}, {"w"}, true);
    std::ostringstream csv;
    table::write_csv(csv, table);
    CHECK(csv.str() ==
          "id,count,w_sum,count_NA,w_sum_NA,count_a,w_sum_a,count_b,w_sum_b\n"
          "L,1,2,0,0,1,2,0,0\n"
          "R,3,4.5,1,1,1,0.5,1,3\n");
    std::filesystem::remove(path);
}

TEST_CASE("aggregate points: results do not depend on threads or chunking") {
    std::vector<geometry::MultiPolygon> shapes;
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) shapes.push_back(box(i * 10, j * 10, (i + 1) * 10, (j + 1) * 10));
    const geometry::PointLocator locator(shapes);
    std::mt19937_64 rng(42);
    std::ostringstream data;
    data << "x,y,w,g\n";
    for (int i = 0; i < 20000; ++i)
        data << static_cast<double>(rng() % 5500) / 100.0 << ',' << static_cast<double>(rng() % 5500) / 100.0 << ',' << static_cast<double>(rng() % 1000) / 7.0 << ','
             << "grp" << rng() % 4 << '\n';
    const std::string path = write_temp("regio_agg_threads_", data.str());
    const auto one = run(path, locator, 1, 1 << 20);
    const auto many = run(path, locator, 3, 4096);
    CHECK(one.conserved());
    CHECK(many.conserved());
    std::ostringstream a, b;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < shapes.size(); ++i) ids.push_back(std::to_string(i));
    table::write_csv(a, aggregate::points_table(one, "id", ids, {"w"}, true));
    table::write_csv(b, aggregate::points_table(many, "id", ids, {"w"}, true));
    CHECK(a.str() == b.str());
    CHECK(one.tally.outside_count() > 0);
    std::filesystem::remove(path);
}

}  // namespace aggregate_points_test
