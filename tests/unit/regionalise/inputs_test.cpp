// The inputs and outputs around the heuristic: --threshold syntax, joining
// the data table, --within-prefix, region ids, the unit map CSV and the
// seeded index draw.
#include "regio/error.hpp"
#include "regio/regionalise/groups.hpp"
#include "regio/regionalise/random_order.hpp"
#include "regio/regionalise/region_summary.hpp"
#include "regio/regionalise/threshold.hpp"
#include "regio/regionalise/unit_values.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace inputs_test {

using namespace regio;
using namespace regio::regionalise;
using Catch::Matchers::Contains;

TEST_CASE("regionalise thresholds: COLUMN>=N and nothing else", "[regionalise]") {
    const Threshold t = parse_threshold("inhabitants>=1000");
    CHECK(t.column == "inhabitants");
    CHECK(t.minimum == 1000);
    CHECK(parse_threshold(" share >= 2.5e1 ").minimum == 25);
    CHECK(format_threshold(parse_threshold("a>=100")) == "a>=100");
    for (const char* bad : {"inhabitants", "inhabitants>1000", "inhabitants=>1000", ">=5", "a>=", "a>=x", "a>=1e999",
                            "a>=10k", "a<=b>=1", "a>=nan"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_threshold(bad), UsageError);
    }
    CHECK_THROWS_WITH(parse_thresholds({"a>=1", "a>=2"}), Contains("twice"));
    CHECK_THROWS_AS(parse_thresholds({}), UsageError);
}

namespace {

DataColumns table(std::vector<std::string> ids, std::vector<double> pop) {
    DataColumns d;
    d.path = "data.csv";
    d.id_column = "id";
    d.ids = std::move(ids);
    for (std::size_t r = 0; r < d.ids.size(); ++r) d.lines.push_back(static_cast<std::int64_t>(r) + 2);
    d.names = {"pop"};
    d.values = {std::move(pop)};
    return d;
}

}  // namespace

TEST_CASE("regionalise data join: by id, mismatches an error or reported", "[regionalise]") {
    const UnitValues v = join_unit_values({"b", "a"}, table({"a", "b"}, {10, 20}), Unmatched::Error);
    CHECK(v.values[0] == std::vector<double>{20, 10});
    CHECK(v.table_total[0] == 30);

    const auto mismatched = table({"a", "x", "y"}, {10, 5, 7});
    CHECK_THROWS_WITH(join_unit_values({"a", "b"}, mismatched, Unmatched::Error),
                      Contains("1 units have no row in the data table (b); 2 data rows have no unit (x, y)"));
    const UnitValues r = join_unit_values({"a", "b"}, mismatched, Unmatched::Report);
    CHECK(r.values[0] == std::vector<double>{10, 0});
    CHECK(r.units_without_data == std::vector<std::string>{"b"});
    CHECK(r.rows_without_unit == std::vector<std::string>{"x", "y"});
    CHECK(r.unmatched_total[0] == 12);
    CHECK(r.table_total[0] == 22);

    try {
        join_unit_values({"a"}, table({"a", "b", "a"}, {1, 2, 3}), Unmatched::Report);
        FAIL("a duplicate id must be an error");
    } catch (const DataError& e) {
        CHECK_THAT(e.what(), Contains("line 4") && Contains("repeats line 2"));
    }
    try {
        join_unit_values({"a"}, table({"a", "b"}, {1, std::numeric_limits<double>::quiet_NaN()}), Unmatched::Report);
        FAIL("an empty cell must be an error");
    } catch (const DataError& e) {
        CHECK(e.where().line == 3);
        CHECK(e.where().field == "pop");
    }
    CHECK(list_some({"a", "b", "c", "d", "e", "f", "g"}) == "a, b, c, d, e and 2 more");
}

TEST_CASE("regionalise groups: keys in order of first appearance, id prefixes", "[regionalise]") {
    const Groups g = groups_from_keys(id_prefixes({"0101", "0102", "0201", "0103"}, 2));
    CHECK(g.of_unit == std::vector<std::size_t>{0, 0, 1, 0});
    CHECK(g.names == std::vector<std::string>{"01", "02"});
    CHECK_THROWS_WITH(id_prefixes({"0101", "7"}, 2), Contains("'7' is shorter than --within-prefix 2"));
}

TEST_CASE("regionalise outputs: region ids and the unit map", "[regionalise]") {
    CHECK(region_ids(3) == std::vector<std::string>{"R0001", "R0002", "R0003"});
    const auto many = region_ids(10000);
    CHECK(many.front() == "R00001");
    CHECK(many.back() == "R10000");
    CHECK(std::is_sorted(many.begin(), many.end()));
    Partition p{{0, 1, 0}, 2};
    CHECK(map_csv({"a", "b,c", "d"}, p, region_ids(2)) == "unit_id,region_id\na,R0001\n\"b,c\",R0002\nd,R0001\n");
}

TEST_CASE("regionalise random orders: the same seed, the same permutation", "[regionalise]") {
    RandomIndex a(run_seed(1, 0)), b(run_seed(1, 0)), c(run_seed(1, 1));
    const auto pa = shuffled_order(100, a);
    CHECK(pa == shuffled_order(100, b));
    CHECK(pa != shuffled_order(100, c));
    auto sorted = pa;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i) CHECK(sorted[i] == i);
    // The draw is uniform: every one of 3 values about a third of the time.
    RandomIndex r(5);
    std::vector<int> counts(3, 0);
    for (int i = 0; i < 30000; ++i) ++counts[r.below(3)];
    for (int n : counts) CHECK(std::abs(n - 10000) < 400);
    CHECK(RandomIndex(9).below(1) == 0);
}

}  // namespace inputs_test
