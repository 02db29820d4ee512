// Output regions of `regio indicators --rollup`: parents by NUTS code prefix
// (../shared/spec/nuts-lau.md §1) or from a parent-id column, in a stable
// order, and the data errors that make a rollup ambiguous.
#include "regio/error.hpp"
#include "regio/indicators/hierarchy.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace hierarchy_test {

using namespace regio::indicators;
using Catch::Matchers::Contains;

namespace {

HierarchyInput input(std::vector<std::string> ids, RollupMode mode) {
    HierarchyInput in{"data.csv", "id", std::move(ids), {}, mode};
    for (std::size_t i = 0; i < in.ids.size(); ++i) in.lines.push_back(static_cast<std::int64_t>(i) + 2);
    return in;
}

std::string data_error(const HierarchyInput& in) {
    try {
        (void)build_hierarchy(in);
    } catch (const regio::DataError& e) {
        return e.what();
    }
    FAIL("no DataError");
    return {};
}

}  // namespace

TEST_CASE("indicators: NUTS levels", "[indicators]") {
    CHECK(nuts_level("DE") == 0);
    CHECK(nuts_level("DE1") == 1);
    CHECK(nuts_level("NO0A") == 2);
    CHECK(nuts_level("BE32A") == 3);
    CHECK(nuts_level("BEZZZ") == 3);
    CHECK(!nuts_level("D"));
    CHECK(!nuts_level("de11"));
    CHECK(!nuts_level("D111"));
    CHECK(!nuts_level("DE1111"));
}

TEST_CASE("indicators: rollup by NUTS prefix", "[indicators]") {
    const Hierarchy h = build_hierarchy(input({"DE212", "DE11", "DE211", "AT130"}, RollupMode::Nuts));
    // Data rows first, then parents from the deepest level, in order of first mention.
    CHECK(h.ids == std::vector<std::string>{"DE212", "DE11", "DE211", "AT130", "DE21", "AT13", "DE1", "DE2", "AT1", "DE", "AT"});
    CHECK(h.data_row[3] == std::optional<std::size_t>(3));
    CHECK(!h.data_row[4]);
    CHECK(h.parent[0] == std::optional<std::size_t>(4));   // DE212 -> DE21
    CHECK(h.parent[1] == std::optional<std::size_t>(6));   // DE11 -> DE1
    CHECK(h.children[4] == std::vector<std::size_t>{0, 2});  // DE21: DE212, DE211
    CHECK(h.children[9] == std::vector<std::size_t>{6, 7});  // DE: DE1, DE2
    CHECK(!h.parent[10]);
    const auto order = h.bottom_up();
    std::vector<std::size_t> seen(h.size(), 0);
    for (std::size_t k = 0; k < order.size(); ++k) seen[order[k]] = k;
    for (std::size_t r = 0; r < h.size(); ++r)
        if (h.parent[r]) CHECK(seen[r] < seen[*h.parent[r]]);

    const Hierarchy none = build_hierarchy(input({"b", "a"}, RollupMode::None));
    CHECK(none.ids == std::vector<std::string>{"b", "a"});
    CHECK(!none.parent[0]);
}

TEST_CASE("indicators: rollup errors", "[indicators]") {
    CHECK_THAT(data_error(input({"DE11", "DE1"}, RollupMode::Nuts)),
               Contains("data.csv: line 3: field 'id': region 'DE1' has values of its own and is also the parent of 'DE11'"));
    CHECK_THAT(data_error(input({"DE11", "Berlin"}, RollupMode::Nuts)), Contains("line 3: field 'id': 'Berlin' is not a NUTS code"));
    CHECK_THAT(data_error(input({"a", "b", "a"}, RollupMode::None)), Contains("line 4: field 'id': duplicate region id 'a'"));
    HierarchyInput self = input({"a"}, RollupMode::Field);
    self.parent_field = "parent";
    self.parents = {"a"};
    CHECK_THAT(data_error(self), Contains("field 'parent': region 'a' is its own parent"));
}

TEST_CASE("indicators: rollup by a parent column", "[indicators]") {
    // d1, d2 in borough b1; d3 in b2; b1 and b2 are rows without values of
    // their own that continue the chain to the city c.
    HierarchyInput in = input({"d1", "b1", "d2", "d3", "b2"}, RollupMode::Field);
    in.parent_field = "parent";
    in.parents = {"b1", "c", "b1", "b2", "c"};
    in.structural = {false, true, false, false, true};
    const Hierarchy h = build_hierarchy(in);
    CHECK(h.ids == std::vector<std::string>{"d1", "d2", "d3", "b1", "b2", "c"});
    CHECK(h.depth == std::vector<int>{2, 2, 2, 1, 1, 0});
    CHECK(!h.data_row[3]);  // b1 is summed from its children
    CHECK(h.children[5] == std::vector<std::size_t>{3, 4});

    in.structural[1] = false;  // b1 has values: ambiguous
    CHECK_THAT(data_error(in), Contains("line 3: field 'id': region 'b1' has values of its own and is also the parent of 'd1'"));

    HierarchyInput cycle = input({"x", "p", "q"}, RollupMode::Field);
    cycle.parent_field = "parent";
    cycle.parents = {"p", "q", "p"};
    cycle.structural = {false, true, true};
    CHECK_THAT(data_error(cycle), Contains("form a cycle"));

    HierarchyInput one = input({"x", "y", "z"}, RollupMode::Field);
    one.parent_field = "parent";
    one.parents = {"P", "", "P"};
    const Hierarchy flat = build_hierarchy(one);
    CHECK(flat.ids == std::vector<std::string>{"x", "y", "z", "P"});
    CHECK(!flat.parent[1]);
}

}  // namespace hierarchy_test
