// Indicators end to end on literal tables: ratios, gaps (pp, rounded to 0.1),
// flags, disclosure on the spec's worked example, and rollup by NUTS prefix
// with rates from summed counts (never averaged).
#include "regio/error.hpp"
#include "regio/indicators/compute.hpp"
#include "regio/indicators/definitions_toml.hpp"

#include "output_rows_support.hpp"

#include <catch2/catch.hpp>

#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace compute_test {

using namespace regio::indicators;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Definitions definitions(const std::string& disclosure, const std::string& values, const std::string& indicators) {
    return parse_definitions(disclosure + "\n[groups]\nvalues = " + values + "\nreference = \"nat\"\ndefinition = \"birth\"\n" + indicators,
                             "defs.toml");
}

const std::string kRate = R"(
[[indicator]]
name = "rate"
numerator = "e_{group}"
denominator = "p_{group}"
scale = 100
gap = true
)";

struct Run {
    Hierarchy h;
    Result result;
    // The output row of region x group (first indicator unless named).
    const OutputRow& at(const std::string& region, const std::string& group, std::size_t indicator = 0) const {
        return regio_test::indicators::output_row(result, h, region, group, indicator);
    }
};

Run run(const Definitions& d, const DataTable& data, RollupMode mode = RollupMode::None) {
    HierarchyInput in{data.source, "id", data.ids, data.lines, mode};
    Run r{build_hierarchy(in), {}};
    r.result = compute_indicators(d, data, r.h);
    return r;
}

}  // namespace

TEST_CASE("indicators: ratios, totals and gaps", "[indicators]") {
    const Definitions d = definitions("[disclosure]\nt_min = 0\n", R"(["nat", "eu", "oth"])",
                                      kRate + "total_numerator = \"e\"\ntotal_denominator = \"p\"\n");
    const DataTable data{"data.csv", {"R1"}, {2},
                         {{"e_nat", {60}}, {"p_nat", {80}}, {"e_eu", {40}}, {"p_eu", {70}}, {"e_oth", {10}}, {"p_oth", {30}},
                          {"e", {110}}, {"p", {180}}}};
    const Run r = run(d, data);
    std::vector<std::string> groups;
    for (const auto& row : r.result.rows) groups.push_back(row.group);
    CHECK(groups == std::vector<std::string>{"nat", "eu", "oth", "total", "eu_gap", "oth_gap"});
    CHECK(*r.at("R1", "nat").value == 75);
    CHECK(*r.at("R1", "eu").value == 100.0 * 40 / 70);  // scale * num / den, unrounded
    CHECK(*r.at("R1", "oth").numerator == 10);
    CHECK(*r.at("R1", "oth").denominator == 30);
    CHECK(*r.at("R1", "total").value == 100.0 * 110 / 180);
    CHECK(*r.at("R1", "eu_gap").value == -17.9);  // 57.142857 - 75, rounded only here
    CHECK(*r.at("R1", "oth_gap").value == -41.7);
    CHECK(!r.at("R1", "eu_gap").numerator);
    CHECK(r.result.flags.at(Flag::Ok) == 6);
    CHECK(round_gap(0.05) == 0.1);
    CHECK(round_gap(-0.04) == 0);
}

TEST_CASE("indicators: flags, and gaps with a missing part", "[indicators]") {
    const Definitions d = definitions("", R"(["nat", "oth"])", kRate);
    // R1, R5: oth missing; R2: oth 0 / 0; R3: oth 4 of 50 (primary); R4: nat 20 of 25 (complement 5).
    const DataTable data{"data.csv", {"R1", "R2", "R3", "R4", "R5"}, {2, 3, 4, 5, 6},
                         {{"e_nat", {50, 50, 50, 20, 60}}, {"p_nat", {100, 100, 100, 25, 100}},
                          {"e_oth", {kNaN, 0, 4, 50, kNaN}}, {"p_oth", {100, 0, 50, 100, 100}}}};
    const Run r = run(d, data);
    CHECK(r.at("R5", "oth").flag == Flag::NoData);
    CHECK(r.at("R5", "oth_gap").flag == Flag::NoData);
    CHECK(*r.at("R5", "nat").value == 60);
    CHECK(r.at("R2", "oth").flag == Flag::ZeroDenominator);
    CHECK(!r.at("R2", "oth").value);
    CHECK(*r.at("R2", "oth").numerator == 0);
    CHECK(*r.at("R2", "oth").denominator == 0);
    CHECK(r.at("R2", "oth_gap").flag == Flag::ZeroDenominator);
    CHECK(r.at("R3", "nat").flag == Flag::Ok);
    // R3.oth primary; R4.nat by the complement rule; R1.nat, the first of the
    // smallest in column nat (whose total is published), is its partner.
    for (const auto& [region, group] : std::vector<std::pair<std::string, std::string>>{
             {"R3", "oth"}, {"R3", "oth_gap"}, {"R4", "nat"}, {"R4", "oth_gap"}, {"R1", "nat"}, {"R1", "oth_gap"}}) {
        const OutputRow& row = r.at(region, group);
        INFO(region << " " << group);
        CHECK(row.flag == Flag::Suppressed);  // a gap with a suppressed part is suppressed (and missing)
        CHECK((!row.value && !row.numerator && !row.denominator));
    }
    CHECK(r.at("R1", "oth").flag == Flag::NoData);
    CHECK(r.result.primary == 1);
    CHECK(r.result.rate == 1);
    CHECK(r.result.secondary == 1);
    CHECK(r.result.flags.at(Flag::Suppressed) == 6);
}

TEST_CASE("indicators: the spec's worked example through compute", "[indicators]") {
    const Definitions d = definitions("", R"(["nat", "eu_oth", "oth"])",
                                      "[[indicator]]\nname = \"share\"\nnumerator = \"n_{group}\"\ndenominator = \"pop\"\n"
                                      "total_numerator = \"n\"\ntotal_denominator = \"pop\"\n");
    const DataTable data{"data.csv", {"R1", "R2"}, {2, 3},
                         {{"n_nat", {120, 200}}, {"n_eu_oth", {4, 15}}, {"n_oth", {30, 40}}, {"n", {154, 255}}, {"pop", {1000, 1000}}}};
    const Run r = run(d, data);
    std::vector<std::string> suppressed;
    for (const auto& row : r.result.rows)
        if (row.flag == Flag::Suppressed) suppressed.push_back(r.h.ids[row.region] + "." + row.group);
    CHECK(suppressed == std::vector<std::string>{"R1.eu_oth", "R1.oth", "R2.eu_oth", "R2.oth"});
    CHECK(r.result.primary == 1);
    CHECK(r.result.secondary == 3);
}

TEST_CASE("indicators: rollup by NUTS prefix sums counts before dividing", "[indicators]") {
    const Definitions d = definitions("[disclosure]\nt_min = 0\n", R"(["nat", "mig"])", kRate);
    const DataTable data{"data.csv", {"AT111", "AT121", "AT112"}, {2, 3, 4},
                         {{"e_nat", {40, 7, 300}}, {"p_nat", {50, 10, 400}}, {"e_mig", {10, 3, 20}}, {"p_mig", {40, 5, 20}}}};
    const Run r = run(d, data, RollupMode::Nuts);
    CHECK(r.h.ids == std::vector<std::string>{"AT111", "AT121", "AT112", "AT11", "AT12", "AT1", "AT"});
    CHECK(r.h.depth == std::vector<int>{3, 3, 3, 2, 2, 1, 0});
    CHECK(*r.at("AT11", "nat").value == 100.0 * 340 / 450);  // not the mean of 80 and 75
    CHECK(*r.at("AT11", "mig").value == 50);                   // 30 / 60, not the mean of 25 and 100
    CHECK(*r.at("AT11", "mig").numerator == 30);
    CHECK(*r.at("AT12", "mig").value == 60);
    CHECK(*r.at("AT", "nat").denominator == 460);
    CHECK(*r.at("AT", "mig_gap").value == round_gap(100.0 * 33 / 65 - 100.0 * 347 / 460));
    // Rows: regions in order (data, then parents), indicator, groups, gaps.
    CHECK(r.result.rows.size() == 7 * 3);
    CHECK(r.h.ids[r.result.rows[9].region] == "AT11");
}

TEST_CASE("indicators: parents are margins for secondary suppression", "[indicators]") {
    const Definitions d = definitions("", R"(["nat", "mig"])", kRate);
    const DataTable data{"data.csv", {"AT111", "AT112", "AT121"}, {2, 3, 4},
                         {{"e_nat", {40, 300, 70}}, {"p_nat", {100, 400, 100}}, {"e_mig", {4, 5, 30}}, {"p_mig", {40, 60, 50}}}};
    const Run r = run(d, data, RollupMode::Nuts);
    CHECK(r.at("AT111", "mig").flag == Flag::Suppressed);  // primary: 4, 5 and their sum 9
    CHECK(r.at("AT112", "mig").flag == Flag::Suppressed);
    CHECK(r.at("AT11", "mig").flag == Flag::Suppressed);
    CHECK(r.at("AT12", "mig").flag == Flag::Suppressed);   // AT1 = AT11 + AT12
    CHECK(r.at("AT121", "mig").flag == Flag::Suppressed);  // AT12 = AT121
    CHECK(r.at("AT1", "mig").flag == Flag::Ok);
    CHECK(*r.at("AT1", "mig").numerator == 39);
    CHECK(r.at("AT11", "nat").flag == Flag::Ok);
    CHECK(r.result.primary == 3);
    CHECK(r.result.secondary == 2);
}

TEST_CASE("indicators: negative counts are data errors", "[indicators]") {
    const Definitions d = definitions("", R"(["nat", "mig"])", kRate);
    const DataTable data{"data.csv", {"A"}, {7}, {{"e_nat", {1}}, {"p_nat", {-5}}, {"e_mig", {1}}, {"p_mig", {5}}}};
    try {
        run(d, data);
        FAIL("no DataError");
    } catch (const regio::DataError& e) {
        CHECK(std::string(e.what()) == "data.csv: line 7: field 'p_nat': negative count -5 for region 'A'");
    }
}

}  // namespace compute_test
