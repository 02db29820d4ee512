// maps::run for `regio classify` called directly on the spec's worked
// example (choropleth.md §3: y = 1, 2, 3, 5, 8, 13, 21, 34, 55, 89 in
// tests/data/classify_fib.csv): the figures, the JSON keys, the written
// breaks, and the errors of bad requests.
#include "regio/maps/classify_operation.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace classify_operation_test {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

regio::maps::ClassifyRequest fib(regio::classify::Method method, std::size_t k) {
    regio::maps::ClassifyRequest r;
    r.data = std::string(REGIO_TEST_DATA) + "/classify_fib.csv";
    r.field = "y";
    r.method = method;
    r.classes = k;
    return r;
}

}  // namespace

TEST_CASE("classify operation: quantiles of the worked example", "[classify][operation]") {
    const auto result = regio::maps::run(fib(regio::classify::Method::Quantile, 4), regio::ProgressRange(nullptr));
    CHECK(result.bins == std::vector<double>{3.5, 10.5, 30.75, 89});
    CHECK(result.counts == std::vector<std::size_t>{3, 2, 2, 3});
    CHECK(result.labels == std::vector<std::string>{"[1, 3.5]", "(3.5, 10.5]", "(10.5, 30.75]", "(30.75, 89]"});
    CHECK(result.nodata == 0);
    CHECK(result.gvf == Approx(0.7888504102653242));
    CHECK(result.summary().empty());
    const auto j = result.to_json();
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"method", "k", "requested_k", "lowest", "bins", "counts", "labels", "nodata", "gvf",
                                           "adcm", "warnings"});
    CHECK(result.document == j.dump(2) + "\n");
}

TEST_CASE("classify operation: breaks written as CSV", "[classify][operation]") {
    const fs::path path = fs::temp_directory_path() / ("regio_classify_op_" + std::to_string(::getpid()) + ".csv");
    fs::remove(path);
    auto request = fib(regio::classify::Method::FisherJenks, 3);
    request.output = path.string();
    const auto result = regio::maps::run(request, regio::ProgressRange(nullptr));
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fs::remove(path);
    CHECK(text == "class,lower,upper,count,label\n1,1,21,7,\"[1, 21]\"\n2,21,55,2,\"(21, 55]\"\n3,55,89,1,\"(55, 89]\"\n");
    CHECK(result.document == text);
}

TEST_CASE("classify operation: bad requests", "[classify][operation][bad]") {
    CHECK_THROWS_AS(regio::maps::run(fib(regio::classify::Method::Quantile, 0), regio::ProgressRange(nullptr)), regio::UsageError);
    auto txt = fib(regio::classify::Method::Quantile, 3);
    txt.output = (fs::temp_directory_path() / ("regio_classify_op_" + std::to_string(::getpid()) + ".txt")).string();
    CHECK_THROWS_WITH(regio::maps::run(txt, regio::ProgressRange(nullptr)), Contains("write breaks as .json or .csv"));
    CHECK(!fs::exists(txt.output));
    auto field = fib(regio::classify::Method::Quantile, 3);
    field.field = "no_such_column";
    CHECK_THROWS_AS(regio::maps::run(field, regio::ProgressRange(nullptr)), regio::Error);
}

}  // namespace classify_operation_test
