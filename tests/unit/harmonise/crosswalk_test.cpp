#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/overlay.hpp"
#include "unit_sets.hpp"

#include <catch2/catch.hpp>

#include <map>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_test {

using namespace regio;

namespace {

using harmonise_test::box;
using harmonise_test::set_of;

// Old vintage: a row of 10 x 10 squares A..F; new vintage with every kind of change.
const geometry::RegionSet kOld = set_of({{"A", box(0, 0, 10, 10)},
                                         {"B", box(10, 0, 20, 10)},
                                         {"C", box(20, 0, 30, 10)},
                                         {"D", box(30, 0, 40, 10)},
                                         {"E", box(40, 0, 50, 10)},
                                         {"F", box(50, 0, 60, 10)},
                                         {"G", box(60, 0, 70, 10)}});
const geometry::RegionSet kNew = set_of({{"A", box(0, 0, 10, 10)},                     // unchanged
                                         {"B2", box(10, 0, 20, 10)},                   // B recoded
                                         {"C1", box(20, 0, 30, 4)},                    // C split
                                         {"C2", box(20, 4, 30, 10)},
                                         {"DE", box(30, 0, 50, 10)},                   // D + E merged
                                         {"F", box(50, 0, 62, 10)},                    // F gains 2 of G: shift
                                         {"G", box(62, 0, 70, 10)},
                                         {"N", box(70, 0, 80, 10)}});                  // new territory

std::map<std::string, harmonise::Change> by_key(const std::vector<harmonise::Change>& changes) {
    std::map<std::string, harmonise::Change> out;
    for (const auto& c : changes) out.emplace(c.side + ":" + c.id, c);
    return out;
}

}  // namespace

TEST_CASE("crosswalk: rows, shares, and every source sums to 1") {
    const auto overlay = harmonise::overlay(kOld, kNew, 2);
    const auto built = harmonise::build_crosswalk(overlay, kOld.ids, kNew.ids, nullptr, {});
    std::map<std::string, double> sums;
    std::map<std::pair<std::string, std::string>, harmonise::CrosswalkRow> rows;
    for (const auto& r : built.crosswalk.rows) {
        sums[r.from_id] += r.area_share_from;
        rows[{r.from_id, r.to_id}] = r;
    }
    for (const auto& [id, s] : sums) CHECK(s == 1.0);
    CHECK(rows.size() == 9);
    CHECK(rows[{"C", "C1"}].area_m2 == Approx(40));
    CHECK(rows[{"C", "C1"}].area_share_from == Approx(0.4));
    CHECK(rows[{"D", "DE"}].area_share_to == Approx(0.5));
    CHECK(rows[{"G", "F"}].area_share_from == Approx(0.2));
    CHECK(rows[{"G", "F"}].area_share_to == Approx(20.0 / 120.0));
    REQUIRE(built.unmatched_to.size() == 1);
    CHECK(built.unmatched_to[0] == "N");
    CHECK(built.unmatched_from.empty());
}

TEST_CASE("crosswalk: change types") {
    const auto overlay = harmonise::overlay(kOld, kNew, 1);
    const auto built = harmonise::build_crosswalk(overlay, kOld.ids, kNew.ids, nullptr, {});
    const auto c = by_key(harmonise::classify_changes(built.crosswalk, kOld.ids, kNew.ids, nullptr, nullptr, {}));
    CHECK(c.at("from:A").type == harmonise::ChangeType::Unchanged);
    CHECK(c.at("from:B").type == harmonise::ChangeType::Recoded);
    CHECK(c.at("to:B2").type == harmonise::ChangeType::Recoded);
    CHECK(c.at("from:C").type == harmonise::ChangeType::Split);
    CHECK(c.at("from:C").counterparts == std::vector<std::string>{"C1", "C2"});
    CHECK(c.at("to:C1").type == harmonise::ChangeType::Split);
    CHECK(c.at("from:D").type == harmonise::ChangeType::Merged);
    CHECK(c.at("to:DE").type == harmonise::ChangeType::Merged);
    CHECK(c.at("to:DE").counterparts == std::vector<std::string>{"D", "E"});
    CHECK(c.at("from:F").type == harmonise::ChangeType::BoundaryShift);
    CHECK(c.at("from:G").type == harmonise::ChangeType::BoundaryShift);
    CHECK(c.at("from:G").detail == "major");  // 20% of G moved
    CHECK(c.at("to:F").detail == "major");
    CHECK(c.at("to:N").type == harmonise::ChangeType::New);
}

TEST_CASE("crosswalk: renamed, discontinued, many-to-many") {
    const auto a = set_of({{"X", box(0, 0, 10, 10)}, {"Y", box(10, 0, 20, 10)}, {"Z", box(20, 0, 30, 10)}, {"Q", box(30, 0, 40, 10)}});
    // X and Y redrawn across each other's middle into three units; Z renamed; Q gone.
    const auto b = set_of({{"P1", box(0, 0, 7, 10)}, {"P2", box(7, 0, 14, 10)}, {"P3", box(14, 0, 20, 10)}, {"Z", box(20, 0, 30, 10)}});
    const auto overlay = harmonise::overlay(a, b, 1);
    const auto built = harmonise::build_crosswalk(overlay, a.ids, b.ids, nullptr, {});
    const std::vector<std::string> old_names{"x", "y", "Zed", "q"}, new_names{"p1", "p2", "p3", "Zet"};
    const auto c = by_key(harmonise::classify_changes(built.crosswalk, a.ids, b.ids, &old_names, &new_names, {}));
    CHECK(c.at("from:X").type == harmonise::ChangeType::BoundaryShift);  // X is 70% of itself in P1, all of P1
    CHECK(c.at("from:X").detail == "major");
    CHECK(c.at("from:Y").type == harmonise::ChangeType::BoundaryShift);  // 60% of Y is all of P3
    CHECK(c.at("to:P2").type == harmonise::ChangeType::SplitMerge);
    CHECK(c.at("from:Z").type == harmonise::ChangeType::Renamed);
    CHECK(c.at("from:Q").type == harmonise::ChangeType::Discontinued);
}

TEST_CASE("crosswalk: slivers are dropped and shares renormalised") {
    const auto a = set_of({{"A", box(0, 0, 10, 10)}, {"B", box(10, 0, 20, 10)}});
    const auto b = set_of({{"A", box(0, 0, 10.001, 10)}, {"B", box(10.001, 0, 20, 10)}});  // generalisation difference
    const auto overlay = harmonise::overlay(a, b, 1);
    REQUIRE(overlay.pairs.size() == 3);
    const auto built = harmonise::build_crosswalk(overlay, a.ids, b.ids, nullptr, {});
    CHECK(built.crosswalk.rows.size() == 2);
    REQUIRE(built.slivers.size() == 1);
    CHECK(built.slivers[0].from_id == "B");
    CHECK(built.slivers[0].area_m2 == Approx(0.01));
    for (const auto& r : built.crosswalk.rows) CHECK(r.area_share_from == 1.0);
    const auto c = by_key(harmonise::classify_changes(built.crosswalk, a.ids, b.ids, nullptr, nullptr, {}));
    CHECK(c.at("from:A").type == harmonise::ChangeType::Unchanged);  // despite the generalisation
}

TEST_CASE("crosswalk: apply keeps extensive totals and recomputes intensive columns") {
    const auto overlay = harmonise::overlay(kOld, kNew, 1);
    // Population weights: pretend G's population sits entirely in the part that moved to F.
    std::vector<double> weights;
    for (const auto& p : overlay.pairs) {
        const std::string from = kOld.ids[p.from], to = kNew.ids[p.to];
        weights.push_back(from == "G" ? (to == "F" ? 100.0 : 0.0) : p.area);
    }
    const auto built = harmonise::build_crosswalk(overlay, kOld.ids, kNew.ids, &weights, {});
    io::CsvTable data;
    data.path = "data.csv";
    data.columns = {"id", "count", "rate", "pop"};
    const std::vector<std::vector<std::string>> rows = {{"A", "10", "0.5", "100"}, {"B", "20", "0.1", "10"},
                                                        {"C", "30", "0.2", "50"},  {"D", "40", "0.4", "100"},
                                                        {"E", "50", "0.1", "300"}, {"F", "60", "0.3", "10"},
                                                        {"G", "70", "0.6", "10"},  {"X", "5", "0.9", "1"}};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        data.rows.push_back(rows[i]);
        data.lines.push_back(static_cast<std::int64_t>(i + 2));
    }
    harmonise::ApplyOptions options;
    options.id = "id";
    options.extensive = {"count"};
    options.intensive = {{"rate", "pop"}};
    const auto area = harmonise::apply_crosswalk(built.crosswalk, data, options);
    CHECK(area.total_before[0] == 285);
    CHECK(area.not_carried[0] == 5);
    CHECK(area.total_after[0] == Approx(280).epsilon(1e-12));
    CHECK(area.ids_not_in_crosswalk == std::vector<std::string>{"X"});
    const auto& ids = area.table.ids();
    auto value = [&](const harmonise::ApplyResult& r, const std::string& id, std::size_t col) {
        return r.table.columns()[col].values[static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin())];
    };
    CHECK(value(area, "C1", 0) == Approx(12));
    CHECK(value(area, "DE", 0) == Approx(90));
    CHECK(value(area, "DE", 1) == Approx((0.4 * 100 + 0.1 * 300) / 400.0));  // weighted by pop, never by area
    CHECK(value(area, "F", 0) == Approx(60 + 14));
    options.weight = harmonise::ApplyWeight::Population;
    const auto pop = harmonise::apply_crosswalk(built.crosswalk, data, options);
    CHECK(value(pop, "F", 0) == Approx(130));  // all of G's count follows its population
    CHECK(value(pop, "G", 0) == Approx(0));
    CHECK(pop.total_after[0] == Approx(280).epsilon(1e-12));
    // Allocation uncertainty: F's value came partly from G, which was split.
    CHECK(area.split_share[static_cast<std::size_t>(std::find(ids.begin(), ids.end(), "F") - ids.begin())] == Approx(14.0 / 74.0));
}

TEST_CASE("crosswalk: chaining composes shares") {
    const auto ab = harmonise::build_crosswalk(harmonise::overlay(kOld, kNew, 1), kOld.ids, kNew.ids, nullptr, {}).crosswalk;
    const auto c_set = set_of({{"ALL", box(0, 0, 80, 10)}});
    const auto bc = harmonise::build_crosswalk(harmonise::overlay(kNew, c_set, 1), kNew.ids, c_set.ids, nullptr, {}).crosswalk;
    const auto ac = harmonise::chain_crosswalks(ab, bc);
    REQUIRE(ac.rows.size() == kOld.size());
    for (const auto& r : ac.rows) {
        CHECK(r.to_id == "ALL");
        CHECK(r.area_share_from == Approx(1.0));
        CHECK(r.area_m2 == Approx(100));
    }
}

// Seen while writing the crosswalk_csv fuzz harness (corpus: unordered_chain): a crosswalk
// file whose rows of a source are not adjacent gave that source's chained
// rows twice, so its shares summed to 2.
TEST_CASE("crosswalk: chaining a crosswalk whose rows are not grouped by source") {
    auto row = [](const char* from, const char* to, double area, double share) {
        return harmonise::CrosswalkRow{from, to, area, share, 1, 0, 0, 0};
    };
    const harmonise::Crosswalk ab{{row("A", "X", 1, 0.5), row("B", "Y", 2, 1), row("A", "Z", 1, 0.5)}, false};
    const harmonise::Crosswalk bc{{row("X", "P", 1, 1), row("Y", "P", 2, 1), row("Z", "Q", 1, 1)}, false};
    const auto ac = harmonise::chain_crosswalks(ab, bc);
    REQUIRE(ac.rows.size() == 3);
    CHECK((ac.rows[0].from_id == "A" && ac.rows[0].to_id == "P" && ac.rows[0].area_share_from == 0.5));
    CHECK((ac.rows[1].from_id == "A" && ac.rows[1].to_id == "Q" && ac.rows[1].area_share_from == 0.5));
    CHECK((ac.rows[2].from_id == "B" && ac.rows[2].to_id == "P" && ac.rows[2].area_m2 == 2));
}

}  // namespace crosswalk_test
