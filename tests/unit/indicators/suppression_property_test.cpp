// Properties of disclosure control: after suppression no suppressed cell can
// be recovered from one published margin (row total, parent region, grand
// total): every margin has 0 or >= 2 unpublished cells, or one merely missing
// cell. Checked on random tables and hierarchies for secondary_suppression(),
// and end to end on the output of compute_indicators() with a NUTS rollup and
// two indicators that share counts.
#include "regio/indicators/compute.hpp"
#include "regio/indicators/definitions_toml.hpp"
#include "regio/indicators/disclosure.hpp"

#include "disclosure_test_support.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <random>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace suppression_property_test {

using namespace regio::indicators;
using namespace regio_test::disclosure;

namespace {

const std::string kIndicators = R"(
[groups]
values = ["nat", "mig"]
reference = "nat"
definition = "birth"

[[indicator]]
name = "rate"
numerator = "e_{group}"
denominator = "p_{group}"
total_numerator = "e"
total_denominator = "p"
scale = 100
gap = true

[[indicator]]
name = "u"
numerator = "u_{group}"
denominator = ["e_{group}", "u_{group}"]
total_numerator = "u"
total_denominator = ["e", "u"]
)";

}  // namespace

TEST_CASE("indicators: property: no suppressed cell is alone in a published margin", "[indicators]") {
    std::mt19937 random(20240101);
    for (int trial = 0; trial < 300; ++trial) {
        // Leaves under 1..3 parents under one root, 2..4 groups plus a total.
        const std::size_t n_parents = 1 + random() % 3;
        std::vector<std::optional<std::size_t>> parent;
        std::vector<std::size_t> leaf_parent;
        for (std::size_t p = 0; p < n_parents; ++p)
            for (std::size_t k = 0, n = 1 + random() % 4; k < n; ++k) leaf_parent.push_back(p);
        const std::size_t leaves = leaf_parent.size(), rows = leaves + n_parents + 1;
        for (std::size_t p : leaf_parent) parent.emplace_back(leaves + p);
        for (std::size_t p = 0; p < n_parents; ++p) parent.emplace_back(rows - 1);
        parent.emplace_back(std::nullopt);
        const std::size_t groups = 2 + random() % 3, columns = groups + 1;
        std::vector<double> v(rows * columns, 0);
        for (std::size_t r = 0; r < leaves; ++r)
            for (std::size_t g = 0; g < groups; ++g) {
                const auto x = random() % 10;
                v[r * columns + g] = x < 3 ? 0 : x < 6 ? static_cast<double>(1 + random() % 9) : static_cast<double>(10 + random() % 90);
                v[r * columns + groups] += v[r * columns + g];
            }
        for (std::size_t r = 0; r + 1 < rows; ++r)  // children come before parents
            for (std::size_t k = 0; k < columns; ++k) v[*parent[r] * columns + k] += v[r * columns + k];
        std::vector<CellState> s = primary_counts(v, 10);
        if (random() % 4 == 0) s[random() % s.size()] = {Flag::NoData, Reason::None};
        const auto constraints = table_constraints(rows, columns, groups, parent);
        const auto before = hidden_cells(s);
        secondary_suppression(v, s, constraints);
        for (const auto& c : constraints) {
            if (hidden_in(c, s) != 1) continue;
            // One hidden cell in a published margin: only a missing one may be alone.
            bool missing = c.total && s[*c.total].flag == Flag::NoData;
            for (auto m : c.members) missing = missing || s[m].flag == Flag::NoData;
            CHECK(missing);
        }
        for (auto i : before) CHECK(s[i].hidden());  // nothing is ever unsuppressed
    }
}

TEST_CASE("indicators: property: published output never reveals a suppressed count", "[indicators]") {
    // Two indicators sharing the employed counts e_<g>, on random NUTS 3
    // regions of two countries with many small counts and a few gaps.
    const Definitions d = parse_definitions(kIndicators, "defs.toml");
    std::mt19937 random(7);
    std::size_t secondary = 0, linked_rows = 0;
    auto count = [&] { const auto x = random() % 10; return static_cast<double>(x < 2 ? 0 : x < 5 ? random() % 10 : 10 + random() % 200); };
    for (int trial = 0; trial < 100; ++trial) {
        DataTable data{"data.csv", {}, {}, {}};
        for (const std::string country : {"AT", "DE"})
            for (char n2 = '1'; n2 < '1' + static_cast<char>(1 + random() % 2); ++n2)
                for (char n3 = '1'; n3 < '1' + static_cast<char>(1 + random() % 3); ++n3) data.ids.push_back(country + n2 + '1' + n3);
        for (std::size_t r = 0; r < data.ids.size(); ++r) {
            double e = 0, p = 0, u = 0;
            for (const std::string g : {"nat", "mig"}) {
                const double eg = count(), ug = count(), pg = eg + ug + count();
                data.columns["e_" + g].push_back(random() % 20 == 0 ? kNaN : eg);
                data.columns["u_" + g].push_back(ug);
                data.columns["p_" + g].push_back(pg);
                e += eg, u += ug, p += pg;
            }
            data.columns["e"].push_back(e);
            data.columns["u"].push_back(u);
            data.columns["p"].push_back(p);
        }
        const Hierarchy h = build_hierarchy(HierarchyInput{"data.csv", "id", data.ids, {}, RollupMode::Nuts});
        const Result result = compute_indicators(d, data, h);
        secondary += result.secondary;
        // hidden[indicator][region][column]: nat, mig, total
        std::vector<std::vector<std::vector<Flag>>> flag(2, std::vector<std::vector<Flag>>(h.size(), std::vector<Flag>(3)));
        for (const auto& row : result.rows) {
            if (row.gap) continue;
            flag[row.indicator][row.region][row.group == "nat" ? 0 : row.group == "mig" ? 1 : 2] = row.flag;
            if (row.flag != Flag::Ok) CHECK(!row.value);
            if (row.flag == Flag::Suppressed) CHECK((!row.numerator && !row.denominator));
        }
        auto hidden = [](Flag f) { return f == Flag::Suppressed || f == Flag::NoData; };
        // A margin with exactly one unpublished cell reveals it, unless it is merely missing.
        auto check_margin = [&](const std::vector<Flag>& cells) {
            std::size_t n = 0;
            bool suppressed = false;
            for (Flag f : cells) {
                n += hidden(f);
                suppressed = suppressed || f == Flag::Suppressed;
            }
            CHECK((n != 1 || !suppressed));
        };
        std::vector<std::size_t> top;
        for (std::size_t r = 0; r < h.size(); ++r)
            if (!h.parent[r]) top.push_back(r);
        for (std::size_t k = 0; k < 2; ++k)
            for (std::size_t r = 0; r < h.size(); ++r) {
                check_margin(flag[k][r]);  // row: nat + mig = total
                for (std::size_t c = 0; c < 3; ++c) {
                    if (!h.children[r].empty()) {
                        std::vector<Flag> cells{flag[k][r][c]};
                        for (auto child : h.children[r]) cells.push_back(flag[k][child][c]);
                        check_margin(cells);
                    }
                    // The shared counts e_<g> and e: suppressed in one indicator, unpublished in the other.
                    if (flag[k][r][c] == Flag::Suppressed) {
                        CHECK(hidden(flag[1 - k][r][c]));
                        ++linked_rows;
                    }
                }
            }
        for (std::size_t k = 0; k < 2; ++k)
            for (std::size_t c = 0; c < 3; ++c) {
                std::vector<Flag> cells;
                for (auto r : top) cells.push_back(flag[k][r][c]);
                check_margin(cells);
            }
    }
    CHECK(secondary > 100);  // the property was exercised
    CHECK(linked_rows > 100);
}

}  // namespace suppression_property_test
