// Perturbation tables built from parameters (issue #17): the properties the
// issue asks for, for several parameter sets, the maximum-entropy form of the
// rows, errors for parameters that cannot be met, and a round trip through
// cellKey's CSV format.
#include "regio/indicators/ptable_builder.hpp"

#include "regio/error.hpp"
#include "regio/indicators/maxent_solver.hpp"
#include "regio/indicators/ptable_csv.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace ptable_builder_test {

using namespace regio::indicators;

namespace {

std::string csv_text(const PTable& t) {
    std::ostringstream out;
    t.write_csv(out);
    return out.str();
}

void check_properties(const PTableParameters& params) {
    INFO("D " << params.max_perturbation << ", V " << params.variance << ", js " << params.min_published << ", p_stay "
              << params.p_stay.value_or(-1));
    const PTable t = build_ptable(params);
    const std::int64_t js = params.min_published;
    CHECK(t.max_i() == js + params.max_perturbation);
    REQUIRE(t.row(0).size() == 1);  // zero stays zero
    CHECK(t.row(0).front().j == 0);
    for (std::int64_t i = 1; i <= t.max_i(); ++i) {
        INFO("row " << i);
        double sum = 0, mean = 0, second = 0, stay = 0;
        for (const PTableEntry& e : t.row(i)) {
            CHECK(e.p > 0);
            CHECK(std::abs(e.j - i) <= params.max_perturbation);
            CHECK((e.j == 0 || e.j >= js));  // nothing in (0, js)
            sum += e.p;
            mean += e.p * static_cast<double>(e.j - i);
            second += e.p * static_cast<double>((e.j - i) * (e.j - i));
            if (e.j == i) stay = e.p;
        }
        CHECK(std::abs(sum - 1) <= 1e-12);
        CHECK(std::abs(mean) <= 1e-9);  // unbiased (rows below js too, by design)
        if (i < js) {
            // At most V, as in the ptable package, unless the row's values cannot get that low.
            std::vector<double> deviations;
            for (const PTableEntry& e : t.row(i)) deviations.push_back(static_cast<double>(e.j - i));
            const auto range = reachable_variances(deviations, 0.0);
            REQUIRE(range.has_value());
            CHECK((second <= params.variance + 1e-9 || params.variance <= range->low));
        }
        if (i >= js) {
            CHECK(std::abs(second - params.variance) <= 1e-9);
            if (params.p_stay) CHECK(stay == *params.p_stay);
        }
    }
    CHECK(t.min_published() == js);
    CHECK(t.max_perturbation() == params.max_perturbation);
}

}  // namespace

TEST_CASE("ptable builder: the properties for several parameter sets", "[indicators][cellkey]") {
    check_properties({1, 0.5, 1, std::nullopt});
    check_properties({2, 1, 1, std::nullopt});
    check_properties({5, 3, 2, std::nullopt});  // cellKey's own example parameters (D = 5, V = 3)
    check_properties({4, 2.5, 3, 0.2});
    check_properties({4, 1.5, 1, 0.6});
    check_properties({10, 10, 5, std::nullopt});
    check_properties({3, 2, 2, 0.3});
    check_properties({8, 4, 3, 0.5});
}

TEST_CASE("ptable builder: rows are the maximum-entropy solutions", "[indicators][cellkey]") {
    SECTION("three points, two constraints: the only solution") {
        const PTable t = build_ptable({1, 0.5, 1, std::nullopt});
        const auto& row = t.row(t.max_i());
        REQUIRE(row.size() == 3);
        CHECK(row[0].p == Approx(0.25).margin(1e-15));
        CHECK(row[1].p == Approx(0.5).margin(1e-15));
        CHECK(row[2].p == Approx(0.25).margin(1e-15));
    }
    SECTION("the exponential-family form p(v) ~ exp(a v + b v^2)") {
        // Unbiased rows far from zero are symmetric (a = 0), so log p(2) -
        // log p(0) = 4 (log p(1) - log p(0)).
        const PTable t = build_ptable({2, 1, 1, std::nullopt});
        const auto& row = t.row(t.max_i());
        REQUIRE(row.size() == 5);
        CHECK(row[0].p == Approx(row[4].p).epsilon(1e-12));
        CHECK(row[1].p == Approx(row[3].p).epsilon(1e-12));
        const double l0 = std::log(row[2].p), l1 = std::log(row[3].p), l2 = std::log(row[4].p);
        CHECK(l2 - l0 == Approx(4 * (l1 - l0)).epsilon(1e-10));
    }
    SECTION("the solver refuses targets on the boundary") {
        // Mean 0 over {-1, 1} forces variance 1: any other is unreachable.
        CHECK_FALSE(max_entropy({-1, 1}, {0, 0.5}).has_value());
        CHECK_FALSE(max_entropy({-1, 0, 1}, {0, 1.0}).has_value());  // only p(0) = 0 reaches it
        CHECK_FALSE(max_entropy({1, 2}, {0, std::nullopt}).has_value());  // mean outside the points
        const auto range = reachable_variances({-2, -1, 1, 3}, 0);
        REQUIRE(range.has_value());
        CHECK(range->low == 1);
        CHECK(range->high == 6);
        const auto p = max_entropy({-1, 2}, {0, std::nullopt});
        REQUIRE(p.has_value());
        CHECK((*p)[0] == Approx(2.0 / 3).epsilon(1e-14));
    }
}

TEST_CASE("ptable builder: parameters that cannot be met", "[indicators][cellkey]") {
    const auto field_of = [](const PTableParameters& p) {
        try {
            (void)build_ptable(p);
        } catch (const regio::ConfigError& e) {
            return e.where().field;
        }
        return std::string("no error");
    };
    CHECK(field_of({0, 1, 1, std::nullopt}) == "max_perturbation");
    CHECK(field_of({2, 0, 1, std::nullopt}) == "variance");
    CHECK(field_of({2, 5, 1, std::nullopt}) == "variance");    // beyond D^2 = 4
    CHECK(field_of({2, 1, 1, 0.9}) == "variance");             // 1 / 0.1 = 10 > 4
    CHECK(field_of({2, 1, 3, std::nullopt}) == "min_published");  // js > D: counts of js cannot move down
    CHECK(field_of({2, 1, 0, std::nullopt}) == "min_published");
    CHECK(field_of({2, 1, 1, 1.0}) == "p_stay");
    CHECK(field_of({2, 1, 1, 0.0}) == "p_stay");
}

TEST_CASE("ptable builder: deterministic, and a round trip through CSV", "[indicators][cellkey]") {
    const PTableParameters params{5, 3, 2, 0.4};
    const PTable t = build_ptable(params);
    const std::string text = csv_text(t);
    CHECK(csv_text(build_ptable(params)) == text);
    const auto path = std::filesystem::temp_directory_path() / ("regio_ptable_" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path, std::ios::binary) << text;
    const PTable back = read_ptable_csv(path.string());
    std::filesystem::remove(path);
    CHECK(csv_text(back) == text);
    for (double key : {0.0, 0.1, 0.33, 0.5, 0.77, 0.999999})
        for (std::int64_t count : {0, 1, 2, 3, 7, 8, 100}) CHECK(back.perturb(count, key) == t.perturb(count, key));
}

}  // namespace ptable_builder_test
