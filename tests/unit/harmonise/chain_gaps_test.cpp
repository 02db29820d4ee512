// Unit tests of the choices made for issue #18: crosswalk chains across
// vintages with gaps (chain_with_gaps) and the default apply weighting.
#include "regio/error.hpp"
#include "regio/harmonise/apply_weight.hpp"
#include "regio/harmonise/chain_gaps.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace chain_gaps_test {

using namespace regio;
using harmonise::Crosswalk;
using harmonise::CrosswalkRow;

namespace {

// Rows moving each source wholly (or by `share`) into a target; area 1 each.
Crosswalk crosswalk_of(std::vector<std::tuple<std::string, std::string, double>> rows) {
    Crosswalk t;
    for (const auto& [from, to, share] : rows) t.rows.push_back({from, to, share, share, 1});
    return t;
}

}  // namespace

TEST_CASE("chain_with_gaps: identical middle vintages change nothing") {
    const auto ab = crosswalk_of({{"a", "x", 1}, {"b", "y", 1}});
    const auto bc = crosswalk_of({{"x", "p", 1}, {"y", "p", 1}});
    const auto link = harmonise::chain_with_gaps(ab, bc, "bc.csv", harmonise::MiddleGaps::Strict);
    CHECK(link.discontinued.empty());
    CHECK(link.new_units.empty());
    CHECK(link.chained.rows.size() == 2);
}

TEST_CASE("chain_with_gaps: a discontinued middle unit drops the sources going wholly into it") {
    const auto ab = crosswalk_of({{"a", "x", 1}, {"b", "y", 1}, {"c", "z", 1}, {"d", "u", 1}});
    const auto bc = crosswalk_of({{"x", "p", 1}, {"y", "p", 1}, {"z", "q", 1}});
    const auto link = harmonise::chain_with_gaps(ab, bc, "bc.csv", harmonise::MiddleGaps::Carry);
    CHECK(link.discontinued == std::vector<std::string>{"u"});
    CHECK(link.dropped_sources == std::vector<std::string>{"d"});
    REQUIRE(link.chained.rows.size() == 3);
    for (const auto& r : link.chained.rows) CHECK(r.from_id != "d");
    CHECK_THROWS_AS(harmonise::chain_with_gaps(ab, bc, "bc.csv", harmonise::MiddleGaps::Strict), DataError);
}

TEST_CASE("chain_with_gaps: a source partly into a discontinued unit, or mostly unmatched vintages, are errors") {
    const auto partial = crosswalk_of({{"a", "x", 1}, {"b", "y", 1}, {"c", "z", 1}, {"d", "u", 0.5}, {"d", "z", 0.5}});
    const auto bc = crosswalk_of({{"x", "p", 1}, {"y", "p", 1}, {"z", "q", 1}});
    CHECK_THROWS_WITH(harmonise::chain_with_gaps(partial, bc, "bc.csv", harmonise::MiddleGaps::Carry),
                      Catch::Matchers::Contains("source 'd' goes only partly"));
    const auto other = crosswalk_of({{"a", "k", 1}, {"b", "l", 1}, {"c", "x", 1}});
    CHECK_THROWS_AS(harmonise::chain_with_gaps(other, bc, "bc.csv", harmonise::MiddleGaps::Carry), DataError);
}

TEST_CASE("decide_weight: population when the crosswalk has it, unless asked otherwise") {
    Crosswalk with;
    with.has_weights = true;
    const Crosswalk without;
    CHECK(harmonise::decide_weight(with, std::nullopt).weight == harmonise::ApplyWeight::Population);
    CHECK(harmonise::decide_weight(without, std::nullopt).weight == harmonise::ApplyWeight::Area);
    const auto asked = harmonise::decide_weight(with, harmonise::ApplyWeight::Area);
    CHECK(asked.weight == harmonise::ApplyWeight::Area);
    CHECK(asked.choice == harmonise::WeightChoice::Requested);
    CHECK(harmonise::weight_summary(asked) == "weighting: area (--weight)");
}

}  // namespace chain_gaps_test
