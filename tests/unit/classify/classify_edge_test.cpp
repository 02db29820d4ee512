// Edge cases of classify() and class_of(): constant data, too few distinct
// values, empty input, manual breaks, std-mean anchor, natural breaks.
#include "regio/classify/classification.hpp"
#include "regio/classify/options_check.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace classify_edge_test {

using namespace regio::classify;
using regio::DataError;
using regio::UsageError;

namespace {
const std::vector<double> k_fib{1, 2, 3, 5, 8, 13, 21, 34, 55, 89};
const double k_nan = std::numeric_limits<double>::quiet_NaN();
const double k_inf = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("classify: method names round-trip") {
    for (const char* name : {"quantile", "equal", "fisher-jenks", "std-mean", "head-tail", "manual", "natural-breaks"})
        CHECK(method_name(parse_method(name)) == name);
    CHECK_THROWS_AS(parse_method("jenks"), UsageError);
}

TEST_CASE("classify: empty input and non-finite values") {
    CHECK_THROWS_AS(classify({}, Method::Quantile, 4), DataError);
    CHECK_THROWS_AS(classify({k_nan, k_inf, -k_inf}, Method::Quantile, 4), DataError);
    // Non-finite values are dropped before classification (the caller shows them as no data).
    const auto c = classify({k_nan, 1, 2, k_inf, 3, 4}, Method::Quantile, 2);
    CHECK(c.bins == std::vector<double>{2.5, 4});
    CHECK(c.counts == std::vector<std::size_t>{2, 2});
    CHECK_THROWS_AS(class_of(c, k_nan), DataError);
}

TEST_CASE("classify: class_of uses upper bounds and rejects values above the last") {
    const auto c = classify(k_fib, Method::Quantile, 4);  // 3.5, 10.5, 30.75, 89
    CHECK(class_of(c, -100.0) == 0);  // class 0 is (-inf, b0]
    CHECK(class_of(c, 3.5) == 0);     // on a bound: the lower class
    CHECK(class_of(c, 3.5000001) == 1);
    CHECK(class_of(c, 89.0) == 3);
    CHECK_THROWS_AS(class_of(c, 89.5), DataError);  // mapclassify would say 0
}

TEST_CASE("classify: all values equal") {
    const std::vector<double> y(6, 7.25);
    // A constant field is one class with a note, whatever the method (issue
    // #12: it could not be mapped at all); equal intervals and Fisher-Jenks
    // would otherwise have nothing to cut.
    for (const Method m : {Method::EqualInterval, Method::FisherJenks, Method::Quantile, Method::HeadTail}) {
        const auto one = classify(y, m, 4);
        CHECK(one.bins == std::vector<double>{7.25});
        CHECK(one.counts == std::vector<std::size_t>{6});
        REQUIRE_FALSE(one.warnings.empty());
        CHECK(one.warnings.front().find("all 6 values are 7.25: one class") != std::string::npos);
    }
    const auto q = classify(y, Method::Quantile, 4);
    CHECK(q.bins == std::vector<double>{7.25});
    CHECK(q.counts == std::vector<std::size_t>{6});
    CHECK(q.requested_k == 4);
    CHECK_FALSE(q.warnings.empty());
    CHECK(q.gvf == 1.0);
    CHECK(classify(y, Method::HeadTail, 0).bins == std::vector<double>{7.25});
    const auto s = classify(y, Method::StdMean, 0);  // sd 0: every bound on the mean
    CHECK(s.bins == std::vector<double>{7.25});
    CHECK(classify(y, Method::FisherJenks, 1).bins == std::vector<double>{7.25});
}

TEST_CASE("classify: a data error names the source") {
    Options o;
    o.source = regio::Where{"t.csv", {}, {}, {}, "rate"};
    try {
        (void)classify({k_nan}, Method::Quantile, 4, o);
        FAIL("no error");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()).find("t.csv: field 'rate'") != std::string::npos);
    }
    const auto c = classify({1, 2, 3}, Method::Quantile, 2, o);
    CHECK_THROWS_WITH(class_of(c, 99), Catch::Matchers::Contains("t.csv: field 'rate': the value 99 is above"));
}

TEST_CASE("classify: the number of classes is 1 to 20 for every method that takes one") {
    CHECK_THROWS_AS(classify(k_fib, Method::Quantile, 0), UsageError);
    CHECK_THROWS_AS(classify(k_fib, Method::EqualInterval, 21), UsageError);
    CHECK(classify(k_fib, Method::Quantile, 1).k() == 1);
    CHECK_THROWS_AS(regio::classify::check_class_count(0, "--classes"), UsageError);
    CHECK_NOTHROW(regio::classify::check_class_count(20, "--classes"));
}

TEST_CASE("classify: fewer distinct values than k") {
    const std::vector<double> y{1, 1, 2, 2, 2, 3};
    CHECK_THROWS_AS(classify(y, Method::FisherJenks, 4), DataError);
    const auto f = classify(y, Method::FisherJenks, 3);
    CHECK(f.bins == std::vector<double>{1, 2, 3});
    CHECK(f.counts == std::vector<std::size_t>{2, 3, 1});
    Options o;
    o.seed = 42;
    const auto n = classify(y, Method::NaturalBreaks, 5, o);  // §2.4: bins = the distinct values
    CHECK(n.bins == std::vector<double>{1, 2, 3});
    CHECK(n.k() == 3);
    CHECK(n.requested_k == 5);
    const auto q = classify(y, Method::Quantile, 5);
    CHECK(q.k() < 5);
}

TEST_CASE("classify: manual breaks") {
    Options o;
    o.manual_breaks = {10, 50};
    const auto c = classify(k_fib, Method::Manual, 0, o);
    CHECK(c.bins == std::vector<double>{10, 50, 89});  // max appended (§2.7)
    CHECK(c.counts == std::vector<std::size_t>{5, 3, 2});
    CHECK(c.requested_k == 2);
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].find("added") != std::string::npos);
    CHECK(c.lowest == 1.0);

    o.manual_breaks = {0, 10, 100};  // bounds beyond the data are kept
    o.lowest = -5.0;
    const auto d = classify(k_fib, Method::Manual, 0, o);
    CHECK(d.bins == std::vector<double>{0, 10, 100});
    CHECK(d.counts == std::vector<std::size_t>{0, 5, 5});
    CHECK(d.lowest == -5.0);
    CHECK(d.warnings.empty());

    o.lowest = 2.0;  // above min(y): the legend would hide the value 1
    o.manual_breaks = {10, 100};
    CHECK_THROWS_AS(classify(k_fib, Method::Manual, 0, o), DataError);
    o.lowest.reset();
    o.manual_breaks = {10, 5};
    CHECK_THROWS_AS(classify(k_fib, Method::Manual, 0, o), UsageError);
    o.manual_breaks = {};
    CHECK_THROWS_AS(classify(k_fib, Method::Manual, 0, o), UsageError);
    o.manual_breaks = {10, 10, 50};  // duplicates removed with a warning
    CHECK(classify(k_fib, Method::Manual, 0, o).bins == std::vector<double>{10, 50, 89});
    CHECK_THROWS_AS(classify(k_fib, Method::Quantile, 4, o), UsageError);  // breaks only for manual
}

TEST_CASE("classify: parameter errors") {
    CHECK_THROWS_AS(classify(k_fib, Method::Quantile, 0), UsageError);
    CHECK_THROWS_AS(classify(k_fib, Method::NaturalBreaks, 3), UsageError);  // no seed
}

TEST_CASE("classify: std-mean anchor puts a bound on the mean") {
    Options o;
    o.std_variant = StdMeanVariant::Anchor;
    const auto c = classify(k_fib, Method::StdMean, 0, o);
    REQUIRE(c.bins.size() == 6);
    CHECK(c.bins[2] == Approx(23.1).margin(1e-12));
    CHECK(c.counts == std::vector<std::size_t>{0, 0, 7, 1, 1, 1});
}

TEST_CASE("classify: head/tail on heavy-tailed data ends on the maximum") {
    std::vector<double> y;
    for (int i = 1; i <= 200; ++i) y.push_back(1000.0 / i);  // Zipf-like
    const auto c = classify(y, Method::HeadTail, 0);
    CHECK(c.bins.back() == 1000.0);
    CHECK(std::is_sorted(c.bins.begin(), c.bins.end()));
    CHECK(c.counts.front() > c.counts.back());
}

TEST_CASE("classify: natural breaks are reproducible with a seed") {
    std::vector<double> y;
    for (int i = 0; i < 300; ++i) y.push_back((i % 3) * 200.0 + (i * 37) % 100);  // 0..99, 200..299, 400..499
    Options o;
    o.seed = 7;
    const auto a = classify(y, Method::NaturalBreaks, 3, o);
    const auto b = classify(y, Method::NaturalBreaks, 3, o);
    CHECK(a.bins == b.bins);
    // Three well-separated groups: k-means finds them.
    CHECK(a.bins == std::vector<double>{99, 299, 499});
    CHECK(a.counts == std::vector<std::size_t>{100, 100, 100});
    // It never beats the exact optimum.
    CHECK(classify(y, Method::FisherJenks, 3).gvf >= a.gvf - 1e-12);
}

}  // namespace classify_edge_test
