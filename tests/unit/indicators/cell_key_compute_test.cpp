// Indicators protected by the cell-key method (issue #17) on literal tables:
// lookup through the ptable with the cells' keys, the same count gets the same
// noise in two indicators, parents use the key sum of their children, whole
// counts only, and with a built ptable every cell is published outside (0, js).
#include "regio/error.hpp"
#include "regio/indicators/cell_key_compute.hpp"
#include "regio/indicators/definitions_toml.hpp"
#include "regio/indicators/ptable_builder.hpp"
#include "regio/table/record_key.hpp"

#include "output_rows_support.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace cell_key_compute_test {

using namespace regio::indicators;

namespace {

constexpr double kTwo53 = 9007199254740992.0;  // 2^53: key sums k give cell keys k / 2^53

// 1 -> 0 or 2 (half each); 2 -> 1, 2, 3 (1/4, 1/2, 1/4), shifted for larger counts.
PTable hand_made() {
    return PTable::from_entries({{0, 0, 1.0, 0, 0, 0}, {1, 0, 0.5, 0, 0, 0}, {1, 2, 0.5, 0, 0, 0},
                                 {2, 1, 0.25, 0, 0, 0}, {2, 2, 0.5, 0, 0, 0}, {2, 3, 0.25, 0, 0, 0}},
                                "hand-made");
}

Definitions cell_key_definitions(const std::string& indicators, const std::string& disclosure = "max_perturbation = 2\nvariance = 1\nmin_published = 2\n") {
    return parse_definitions("[disclosure]\nmethod = \"cell-key\"\n" + disclosure +
                                 "[groups]\nvalues = [\"nat\", \"oth\"]\nreference = \"nat\"\ndefinition = \"birth\"\n" + indicators,
                             "defs.toml");
}

const std::string kTwoIndicators = R"(
[[indicator]]
name = "rate"
numerator = "e_{group}"
denominator = "p_{group}"
scale = 100
gap = true

[[indicator]]
name = "share"
numerator = "e_{group}"
denominator = "p"
scale = 100
)";

struct Run {
    Hierarchy h;
    Result result;
    CellKeyUtility utility;
    const OutputRow& at(const std::string& region, const std::string& group, std::size_t indicator = 0) const {
        return regio_test::indicators::output_row(result, h, region, group, indicator);
    }
};

Run run(const Definitions& d, const DataTable& data, const PTable& ptable, RollupMode mode = RollupMode::None) {
    HierarchyInput in{data.source, "id", data.ids, data.lines, mode};
    Run r{build_hierarchy(in), {}, {}};
    r.result = compute_perturbed_indicators(d, data, r.h, ptable, r.utility);
    return r;
}

}  // namespace

TEST_CASE("cell key: counts looked up by (count, cell key), the same count perturbed alike everywhere", "[indicators][cellkey]") {
    const Definitions d = cell_key_definitions(kTwoIndicators);
    // nat: key 0.5 -> 2 stays 2, 10 stays 10; oth: key 0.75 -> 1 becomes 2, 10 becomes 11;
    // the shared denominator p takes the all-groups key 0.0: 20 becomes 19.
    const DataTable data{"data.csv", {"AT11", "AT12"}, {2, 3},
                         {{"e_nat", {2, 2}}, {"p_nat", {10, 10}}, {"e_oth", {1, 0}}, {"p_oth", {10, 10}}, {"p", {20, 20}},
                          {"cellkey_count_nat", {kTwo53 / 2, kTwo53 / 2}}, {"cellkey_count_oth", {kTwo53 * 0.75, kTwo53 * 0.75}},
                          {"cellkey_count", {0, 0}}}};
    const Run r = run(d, data, hand_made(), RollupMode::Nuts);
    const OutputRow& nat = r.at("AT11", "nat");
    CHECK(nat.flag == Flag::Perturbed);
    CHECK(*nat.numerator == 2);
    CHECK(*nat.denominator == 10);
    CHECK(*nat.value == 20);
    const OutputRow& oth = r.at("AT11", "oth");
    CHECK(*oth.numerator == 2);
    CHECK(*oth.denominator == 11);
    CHECK(r.at("AT11", "oth_gap").flag == Flag::Perturbed);
    CHECK(*r.at("AT11", "oth_gap").value == Approx(100.0 * 2 / 11 - 20).margin(0.05));
    // The second indicator publishes e_oth with the same noise, p with the all-groups key.
    CHECK(*r.at("AT11", "oth", 1).numerator == 2);
    CHECK(*r.at("AT11", "oth", 1).denominator == 19);
    CHECK(*r.at("AT11", "nat", 1).denominator == 19);
    // Zero stays zero.
    CHECK(*r.at("AT12", "oth").numerator == 0);
    // The parent AT1: e_nat = 4 with key 0.5 + 0.5 = 0 (mod 1) -> 4 + (1 - 2) = 3.
    CHECK(*r.at("AT1", "nat").numerator == 3);
    CHECK(*r.at("AT1", "nat").denominator == 19);  // 20 with key 0: 20 - 1
    CHECK(r.utility.would_suppress > 0);
    CHECK(r.utility.max_abs_change == 1);
}

TEST_CASE("cell key: whole counts and key sums only", "[indicators][cellkey]") {
    const Definitions d = cell_key_definitions(kTwoIndicators);
    DataTable data{"data.csv", {"R1"}, {2},
                   {{"e_nat", {2.5}}, {"p_nat", {10}}, {"e_oth", {1}}, {"p_oth", {10}}, {"p", {20}},
                    {"cellkey_count_nat", {0}}, {"cellkey_count_oth", {0}}, {"cellkey_count", {0}}}};
    CHECK_THROWS_WITH(run(d, data, hand_made()), Catch::Contains("whole counts"));
    data.columns["e_nat"] = {2};
    data.columns["cellkey_count_oth"] = {0.5};
    CHECK_THROWS_AS(run(d, data, hand_made()), regio::DataError);
}

TEST_CASE("cell key: with a built ptable every cell is published, none in (0, js)", "[indicators][cellkey]") {
    const Definitions d = cell_key_definitions(kTwoIndicators, "max_perturbation = 4\nvariance = 2.5\nmin_published = 3\np_stay = 0.2\n");
    REQUIRE(d.cell_key.parameters.has_value());
    const PTable ptable = build_ptable(*d.cell_key.parameters);
    const regio::table::RecordKeyer keyer("salt");
    DataTable data{"data.csv", {}, {}, {}};
    for (int r = 0; r < 200; ++r) {
        data.ids.push_back("R" + std::to_string(r));
        data.lines.push_back(r + 2);
        const double e_nat = r % 7, e_oth = r % 5;
        data.columns["e_nat"].push_back(e_nat);
        data.columns["p_nat"].push_back(e_nat + r % 3);
        data.columns["e_oth"].push_back(e_oth);
        data.columns["p_oth"].push_back(e_oth + r % 4);
        data.columns["p"].push_back(e_nat + e_oth + r % 3 + r % 4);
        for (const char* key : {"cellkey_count_nat", "cellkey_count_oth", "cellkey_count"})
            data.columns[key].push_back(static_cast<double>(keyer.key(std::string(key) + std::to_string(r))));
    }
    const Run r = run(d, data, ptable);
    for (const OutputRow& row : r.result.rows) {
        CHECK(row.flag != Flag::Suppressed);
        for (const auto& count : {row.numerator, row.denominator})
            if (count) CHECK((*count == 0 || *count >= 3));
    }
    CHECK(r.utility.changed > 0);
    CHECK(r.utility.max_abs_change <= 4);
    CHECK(r.utility.min_published == 3);
}

TEST_CASE("cell key: the [disclosure] keys", "[indicators][cellkey]") {
    const auto field_of = [](const std::string& disclosure) {
        try {
            (void)parse_definitions("[disclosure]\n" + disclosure + "[groups]\nvalues = [\"a\"]\ndefinition = \"birth\"\n[[indicator]]\nname = \"x\"\nnumerator = \"n_{group}\"\ndenominator = \"d_{group}\"\n",
                                    "defs.toml");
        } catch (const regio::ConfigError& e) {
            return e.where().field;
        }
        return std::string("no error");
    };
    CHECK(field_of("method = \"noise\"\n") == "disclosure.method");
    CHECK(field_of("variance = 2\n") == "disclosure.variance");  // parameters need method = "cell-key"
    CHECK(field_of("method = \"cell-key\"\n") == "disclosure.method");
    CHECK(field_of("method = \"cell-key\"\nptable = \"p.csv\"\nvariance = 2\n") == "disclosure.ptable");
    CHECK(field_of("method = \"cell-key\"\nmax_perturbation = 2.5\nvariance = 1\nmin_published = 1\n") == "disclosure.max_perturbation");
    CHECK(field_of("method = \"cell-key\"\nmax_perturbation = 2\nvariance = 1\n") == "disclosure.min_published");
    CHECK(field_of("method = \"cell-key\"\nmax_perturbation = 2\nvariance = 1\nmin_published = 1\n") == "no error");
    const Definitions d = parse_definitions("[disclosure]\nmethod = \"cell-key\"\nptable = \"tables/p.csv\"\n[groups]\nvalues = [\"a\"]\ndefinition = \"birth\"\n"
                                            "[[indicator]]\nname = \"x\"\nnumerator = \"n_{group}\"\ndenominator = \"d_{group}\"\n",
                                            "conf/defs.toml");
    CHECK(d.cell_key.ptable_file == "conf/tables/p.csv");  // relative to the definitions file
}

}  // namespace cell_key_compute_test
