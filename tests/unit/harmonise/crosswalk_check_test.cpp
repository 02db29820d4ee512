// Crosswalk tables are checked before anything moves through them, and apply
// refuses totals that do not balance unless the loss is accepted (issue #12).
#include "regio/error.hpp"
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/crosswalk_check.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_check_test {

using namespace regio;
using harmonise::ShareColumn;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;

namespace {

// A table "read" from xw.csv: row k on line k + 2.
harmonise::Crosswalk xw_table(std::vector<harmonise::CrosswalkRow> rows, bool weights = false) {
    harmonise::Crosswalk cw;
    cw.rows = std::move(rows);
    cw.has_weights = weights;
    cw.file = "xw.csv";
    for (std::size_t i = 0; i < cw.rows.size(); ++i) cw.lines.push_back(static_cast<std::int64_t>(i + 2));
    return cw;
}

harmonise::CrosswalkRow row(std::string from, std::string to, double share, double weight_share = 0) {
    return {std::move(from), std::move(to), 100 * std::abs(share), share, 1.0, 10 * weight_share, weight_share, 1.0};
}

std::string error_of(const harmonise::Crosswalk& cw, std::vector<ShareColumn> used) {
    try {
        harmonise::check_crosswalk(cw, used);
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}

io::CsvTable data_table(std::vector<std::vector<std::string>> rows) {
    io::CsvTable t;
    t.path = "data.csv";
    t.columns = {"id", "pop"};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        t.rows.push_back(rows[i]);
        t.lines.push_back(static_cast<std::int64_t>(i + 2));
    }
    return t;
}

}  // namespace

TEST_CASE("crosswalk check: a good table passes, with sums within 1e-9") {
    const auto cw = xw_table({row("A", "X", 0.25, 0.5), row("A", "Y", 0.75 + 5e-10, 0.5), row("B", "Y", 1.0, 1.0)}, true);
    CHECK(harmonise::check_crosswalk(cw, {ShareColumn::Area, ShareColumn::Weight}).empty());
}

TEST_CASE("crosswalk check: shares of a source that do not sum to 1") {
    SECTION("below 1: names file, first line of the source, field, id and sum") {
        const auto cw = xw_table({row("B", "Y", 1.0), row("A", "X", 0.5), row("A", "Y", 0.4)});
        CHECK_THAT(error_of(cw, {ShareColumn::Area}),
                   Equals("xw.csv: line 3: field 'area_share_from': source 'A': its shares sum to 0.9, not 1"));
    }
    SECTION("above 1, and by more than 1e-9") {
        const auto cw = xw_table({row("A", "X", 0.5), row("A", "Y", 0.5 + 2e-9)});
        CHECK_THAT(error_of(cw, {ShareColumn::Area}), Contains("line 2: field 'area_share_from': source 'A': its shares sum to 1.000000002"));
    }
    SECTION("only the columns used are summed") {
        const auto cw = xw_table({row("A", "X", 1.0, 0.5)}, true);
        CHECK_THAT(error_of(cw, {ShareColumn::Area}), Equals("no error"));
        CHECK_THAT(error_of(cw, {ShareColumn::Weight}), Contains("field 'weight_share_from': source 'A': its shares sum to 0.5"));
    }
    SECTION("accepted: returned instead, in table order") {
        const auto cw = xw_table({row("A", "X", 0.5), row("B", "X", 1.5 / 2), row("B", "Y", 0.75)});
        const auto unbalanced = harmonise::check_crosswalk(cw, {ShareColumn::Area}, harmonise::ShareSums::MayDiffer);
        REQUIRE(unbalanced.size() == 2);
        CHECK(unbalanced[0].from_id == "A");
        CHECK(unbalanced[0].sum == 0.5);
        CHECK(unbalanced[0].line == 2);
        CHECK(unbalanced[1].from_id == "B");
        CHECK(unbalanced[1].sum == 1.5);
    }
}

TEST_CASE("crosswalk check: refused outright") {
    SECTION("a repeated source-target pair, even when the sums are right") {
        const auto cw = xw_table({row("A", "X", 0.5), row("B", "X", 1.0), row("A", "X", 0.5)});
        CHECK_THAT(error_of(cw, {ShareColumn::Area}),
                   Equals("xw.csv: line 4: field 'to_id': source 'A' and target 'X' repeat the pair of line 2"));
    }
    SECTION("a share outside [0, 1]") {
        CHECK_THAT(error_of(xw_table({row("A", "X", 1.5), row("A", "Y", -0.5)}), {ShareColumn::Area}),
                   Equals("xw.csv: line 2: field 'area_share_from': source 'A': share 1.5 is outside [0, 1]"));
        CHECK_THAT(error_of(xw_table({row("A", "X", -0.5), row("A", "Y", 1.5)}), {ShareColumn::Area}),
                   Contains("line 2: field 'area_share_from': source 'A': share -0.5 is outside [0, 1]"));
    }
    SECTION("empty, NaN or infinite numbers") {
        auto cw = xw_table({row("A", "X", 1.0)});
        cw.rows[0].area_share_from = std::numeric_limits<double>::quiet_NaN();
        CHECK_THAT(error_of(cw, {ShareColumn::Area}), Equals("xw.csv: line 2: field 'area_share_from': source 'A': the value is empty or NaN"));
        cw.rows[0].area_share_from = 1.0;
        cw.rows[0].area_m2 = std::numeric_limits<double>::infinity();
        CHECK_THAT(error_of(cw, {ShareColumn::Area}), Equals("xw.csv: line 2: field 'area_m2': source 'A': the value is infinite"));
        cw.rows[0].area_m2 = -1;
        CHECK_THAT(error_of(cw, {ShareColumn::Area}), Equals("xw.csv: line 2: field 'area_m2': source 'A': value -1 is negative"));
    }
    SECTION("empty ids, no rows, and weights asked of a table without them") {
        CHECK_THAT(error_of(xw_table({row("", "X", 1.0)}), {ShareColumn::Area}), Equals("xw.csv: line 2: field 'from_id': empty source id"));
        CHECK_THAT(error_of(xw_table({row("A", "", 1.0)}), {ShareColumn::Area}),
                   Equals("xw.csv: line 2: field 'to_id': source 'A': empty target id"));
        CHECK_THAT(error_of(xw_table({}), {ShareColumn::Area}), Equals("xw.csv: the crosswalk has no rows"));
        CHECK_THAT(error_of(xw_table({row("A", "X", 1.0)}), {ShareColumn::Weight}), Contains("the crosswalk has no weight columns"));
    }
}

TEST_CASE("crosswalk apply: an unbalanced table is refused, or applied with the loss stated") {
    // A sends 0.5 + 0.4 of itself: 10% of A's 100 persons would vanish.
    const auto cw = xw_table({row("A", "X", 0.5), row("A", "Y", 0.4), row("B", "Y", 1.0)});
    const auto data = data_table({{"A", "100"}, {"B", "50"}, {"C", "7"}});
    harmonise::ApplyOptions options;
    options.id = "id";
    options.extensive = {"pop"};
    CHECK_THROWS_WITH(harmonise::apply_crosswalk(cw, data, options),
                      "xw.csv: line 2: field 'area_share_from': source 'A': its shares sum to 0.9, not 1");
    options.loss = harmonise::LossPolicy::Accept;
    const auto result = harmonise::apply_crosswalk(cw, data, options);
    CHECK(result.total_before[0] == 157);
    CHECK(result.not_carried[0] == 7);
    CHECK(result.total_after[0] == Approx(140));
    CHECK(result.lost_by_shares[0] == Approx(10));
    CHECK_FALSE(harmonise::totals_preserved(result, 0));
    REQUIRE(result.unbalanced_sources.size() == 1);
    CHECK(result.unbalanced_sources[0].from_id == "A");
    // Invented: shares above 1.
    const auto more = xw_table({row("A", "X", 0.5), row("A", "Y", 0.7)});
    const auto invented = harmonise::apply_crosswalk(more, data_table({{"A", "100"}}), options);
    CHECK(invented.total_after[0] == Approx(120));
    CHECK(invented.lost_by_shares[0] == Approx(-20));
}

TEST_CASE("crosswalk apply: a balanced table preserves totals") {
    const auto cw = xw_table({row("A", "X", 0.5), row("A", "Y", 0.5), row("B", "Y", 1.0)});
    harmonise::ApplyOptions options;
    options.id = "id";
    options.extensive = {"pop"};
    const auto result = harmonise::apply_crosswalk(cw, data_table({{"A", "100"}, {"B", "50"}}), options);
    CHECK(result.total_after[0] == 150);
    CHECK(result.lost_by_shares[0] == 0);
    CHECK(harmonise::totals_preserved(result, 0));
}

}  // namespace crosswalk_check_test
