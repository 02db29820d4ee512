// The typing rule for merges (nuts-lau.md §3.1: Eurostat types NO021 Hedmark
// merged into NO020 Innlandet although part of NO022 Oppland went elsewhere):
// a source that goes wholly into one target which also receives other units is
// merged, whatever happens to those other units.
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/overlay.hpp"
#include "unit_sets.hpp"

#include <catch2/catch.hpp>

#include <map>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace changes_merge_test {

using namespace regio;
using harmonise::ChangeType;

namespace {

constexpr auto rect = &harmonise_test::box;
constexpr auto units = &harmonise_test::set_of;

std::map<std::string, harmonise::Change> typed(const geometry::RegionSet& a, const geometry::RegionSet& b) {
    const auto built = harmonise::build_crosswalk(harmonise::overlay(a, b, 1), a.ids, b.ids, nullptr, {});
    std::map<std::string, harmonise::Change> out;
    for (const auto& c : harmonise::classify_changes(built.crosswalk, a.ids, b.ids, nullptr, nullptr, {}))
        out.emplace(c.side + ":" + c.id, c);
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("change types: a unit wholly inside a target that also takes part of another is merged (NO021)") {
    // Hedmark (H) goes wholly into Innlandet (I); Oppland (O) goes mostly
    // into I, a tenth of it to Viken (V2), which also takes the whole of V.
    // H is 10/19 of I: more than half both ways, which used to read as a
    // boundary shift of H.
    const auto old_units = units({{"H", rect(0, 0, 10, 10)}, {"O", rect(10, 0, 20, 10)}, {"V", rect(20, 0, 30, 10)}});
    const auto new_units = units({{"I", rect(0, 0, 19, 10)}, {"V2", rect(19, 0, 30, 10)}});
    const auto c = typed(old_units, new_units);
    CHECK(c.at("from:H").type == ChangeType::Merged);
    CHECK(c.at("from:H").counterparts == Ids{"I"});
    CHECK(c.at("from:O").type == ChangeType::SplitMerge);  // split between I and V2, merged in both
    CHECK(c.at("from:O").counterparts == Ids{"I", "V2"});
    CHECK(c.at("from:V").type == ChangeType::Merged);  // whatever happens to O
    CHECK(c.at("to:I").type == ChangeType::Merged);
    CHECK(c.at("to:I").counterparts == Ids{"H", "O"});
    CHECK(c.at("to:V2").type == ChangeType::Merged);
}

TEST_CASE("change types: 'wholly' allows the unchanged tolerance, not more") {
    // H loses 0.5% of itself (a generalisation difference) and is still merged;
    // losing 5% is a real change: the unit is no longer merged wholly.
    SECTION("99.5% of H in I") {
        const auto c = typed(units({{"H", rect(0, 0, 10, 10)}, {"O", rect(10, 0, 20, 10)}}),
                             units({{"I", rect(0.05, 0, 20, 10)}, {"W", rect(0, 0, 0.05, 10)}}));
        CHECK(c.at("from:H").type == ChangeType::Merged);
        CHECK(c.at("to:I").type == ChangeType::Merged);
    }
    SECTION("95% of H in I") {
        const auto c = typed(units({{"H", rect(0, 0, 10, 10)}, {"O", rect(10, 0, 20, 10)}}),
                             units({{"I", rect(0.5, 0, 20, 10)}, {"W", rect(0, 0, 0.5, 10)}}));
        CHECK(c.at("from:H").type == ChangeType::SplitMerge);
        CHECK(c.at("from:O").type == ChangeType::Merged);  // O is still wholly in I
        CHECK(c.at("to:I").type == ChangeType::Merged);
    }
}

TEST_CASE("change types: the merge rule leaves boundary shifts and split-merges alone") {
    SECTION("a unit that keeps its id and gains a strip shifts its boundary") {
        const auto c = typed(units({{"F", rect(0, 0, 10, 10)}, {"G", rect(10, 0, 20, 10)}}),
                             units({{"F", rect(0, 0, 12, 10)}, {"G", rect(12, 0, 20, 10)}}));
        CHECK(c.at("from:F").type == ChangeType::BoundaryShift);
        CHECK(c.at("to:F").type == ChangeType::BoundaryShift);
        CHECK(c.at("from:G").type == ChangeType::BoundaryShift);
    }
    SECTION("recoded units, one losing a part to the other") {
        const auto c = typed(units({{"A1", rect(0, 0, 10, 10)}, {"B1", rect(10, 0, 20, 10)}}),
                             units({{"A2", rect(0, 0, 8, 10)}, {"B2", rect(8, 0, 20, 10)}}));
        // A1 continues as A2 (more than half both ways) with a shifted boundary ...
        CHECK(c.at("from:A1").type == ChangeType::BoundaryShift);
        CHECK(c.at("to:A2").type == ChangeType::BoundaryShift);
        // ... while B1 goes wholly into B2, which also takes part of A1.
        CHECK(c.at("from:B1").type == ChangeType::Merged);
        CHECK(c.at("to:B2").type == ChangeType::Merged);
    }
    SECTION("two units redrawn across each other: split_merge") {
        const auto c = typed(units({{"H", rect(0, 0, 20, 10)}, {"I", rect(20, 0, 40, 10)}}),
                             units({{"K", rect(0, 0, 10, 10)}, {"L", rect(10, 0, 30, 10)}, {"M", rect(30, 0, 40, 10)}}));
        CHECK(c.at("from:H").type == ChangeType::SplitMerge);
        CHECK(c.at("from:I").type == ChangeType::SplitMerge);
        CHECK(c.at("to:L").type == ChangeType::SplitMerge);
    }
}

}  // namespace changes_merge_test
