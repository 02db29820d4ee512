#pragma once
// Fixtures and helpers of the end-to-end tests of `regio crosswalk build | apply | chain`: the binary on
// hand-made vintages in tests/data, outputs compared byte for byte with
// tests/cli/expected/xw_*.csv, and on the demo city of regio-make-demo.
//
// The vintages (EPSG:3035; offsets in metres from (4000000, 3000000); every
// coordinate is exact in binary, so every area below is exact):
//
//   xw_2020.geojson (field code)          xw_2024.geojson (field unit)
//   y 2000..3000  H (x 0..2000)           K (x 0..1000)   L (1000..3000)
//                 I (x 2000..4000)        M (3000..4000)
//   y 1000..2000  D (x 0..1200)           DE (0..2000)  F (2000..3200)
//                 E (1200..2000)          G (3200..4000)
//                 F G X (1000 m squares)
//   y 0..1000     A B (squares)           A B2 (A, B but for the sliver)
//                 C (x 2000..4000)        C1 (2000..3500) C2 (3500..4000)
//                                         N (4000..5000)
//
//   A -> A    unchanged. The A|B border x = 1000 becomes a zigzag: at
//             x = 1000 - w for y 0..500, at 1000 + w for y 500..1000, with
//             w = 1/128 m (a generalisation sliver of about 1 cm, a power of
//             two so that its area is exact). A and B2 keep 1e6 m2 each; the
//             two slivers A->B2 and B->A have 500 w = 3.90625 m2 and shares
//             3.90625e-6, far below the default --min-share: dropped and reported. The kept
//             rows have area 999996.09375, share_from renormalised to 1 and
//             share_to 0.99999609375.
//   B -> B2   recoded (same territory, new id).
//   C -> C1 + C2   split 0.75 / 0.25 (C1 holds most of C and all of C1 is
//             C: still a split, not a boundary shift of C into C1).
//   D + E -> DE    merged, share_to 0.6 / 0.4 (D is most of DE: still merged).
//   F, G      boundary shift: the 200 x 1000 m strip x 3000..3200 moves from
//             G to F. F->F (share_to 1e6 / 1.2e6), G->F 0.2 (share_to 1/6),
//             G->G 0.8; "major" on both sides of both (the strip is 20 % of G).
//   H, I -> K, L, M   many-to-many: H -> K (west half) and L (east half),
//             I -> L (west half) and M (east half): split_merge on both sides.
//   X         discontinued (x 4000..5000, y 1000..2000: not in 2024).
//   N         new (x 4000..5000, y 0..1000: not in 2020).
// 15 pieces, 13 rows kept, 2 slivers (7.8125 m2); 13e6 m2 on each side.
//
// xw_pop.asc (1000 m cells over the vintages; rows from the north):
//     y 2..3   10  30  20  20   3        H: 10 | 30   I: 20 | 20
//     y 1..2   20  60  40  50   5        D 20, E 60, F 40, G 50, X 5
//     y 0..1   64  64  30  10   7        A 64, B 64, C: 30 | 10, N 7
// Weights of the pieces: A->A 64 (1 - 3.90625e-6) = 63.99975 (the slivers
// 0.00025 each), C->C1 30 + 10 / 2 = 35, C->C2 5 (shares 0.875 / 0.125),
// D->DE 20 + 0.2 * 60 = 32, E->DE 48 (share_to 0.4 / 0.6),
// G->F 10 and G->G 40, F 40 + 10 (share_to 0.8 / 0.2),
// H->K 10, H->L 30 (0.25 / 0.75), I->L 20, I->M 20 (0.5 / 0.5), L 30 + 20
// (share_to 0.6 / 0.4). 418 in pieces; the cells of N, X and the north-east
// corner are in no piece.
//
// xw_2028.geojson (field unit) continues 2024: C1 + C2 -> C9 merged,
// DE -> D9 + E9 split in halves (at x = 1000, not the 2020 D|E border at
// 1200), K + L -> KL merged; A, B2, F, G, M, N unchanged.
//
// Every failing run must leave nothing behind: no output and no temporary
// ".regio-*" file. Outputs of failing runs therefore go to a fresh directory
// that must still be empty afterwards (or hold only the pre-existing file).
#include "cli_checks.hpp"
#include "run_regio.hpp"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace regio_test::crosswalk_cli {


using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

// crosswalk build from `from` (id field from_id) to `to` (id field to_id).
inline Args build_cmd(const std::string& from, const std::string& from_id, const std::string& to, const std::string& to_id,
               const fs::path& output, const Args& extra = {}) {
    Args args{"crosswalk", "build", "--from", from, "--from-id", from_id, "--to", to, "--to-id", to_id, "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The hand-made 2020 -> 2024 build.
inline Args build_2020_2024(const fs::path& output, const Args& extra = {}) {
    return build_cmd(data("xw_2020.geojson"), "code", data("xw_2024.geojson"), "unit", output, extra);
}

// crosswalk apply of xw_data.csv (id column code) through `crosswalk`.
inline Args apply_cmd(const std::string& crosswalk, const std::string& data_csv, const fs::path& output, const Args& extra = {}) {
    Args args{"crosswalk", "apply", "--crosswalk", crosswalk, "--data", data_csv, "--id", "code", "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// A CSV as rows of fields, header included; quoted fields (CHANGES.csv
// quotes counterparts joined by ';') lose their quotes.
inline std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields(1);
        bool quoted = false;
        for (const char c : line) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) fields.emplace_back();
            else fields.back() += c;
        }
        rows.push_back(fields);
    }
    return rows;
}

// Sums of a share column per source (from_id) of a crosswalk CSV, in file order.
inline std::map<std::string, double> share_sums(const std::string& crosswalk_csv, const std::string& column) {
    const auto rows = csv_rows(crosswalk_csv);
    REQUIRE(!rows.empty());
    const auto& header = rows[0];
    const auto col = static_cast<std::size_t>(std::find(header.begin(), header.end(), column) - header.begin());
    REQUIRE(col < header.size());
    std::map<std::string, double> sums;
    for (std::size_t r = 1; r < rows.size(); ++r) sums[rows[r][0]] += std::stod(rows[r][col]);
    return sums;
}


}  // namespace regio_test::crosswalk_cli
