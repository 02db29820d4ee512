// The method page's counts of what disclosure control did (the last
// indicators step's `suppressed_cells` and `flags`), as sentences in English
// and German: nouns agree with their counts, categories without rows are
// left out, a report without the sections gives nothing.
#include "regio/atlas/disclosure_counts.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace disclosure_counts_test {

using namespace regio::atlas;
using json = nlohmann::ordered_json;

TEST_CASE("disclosure counts: suppressed cells and rows in sentences", "[atlas]") {
    const json report = json::parse(R"({
      "flags": {"ok": 50, "suppressed": 4, "zero_denominator": 1, "no_data": 0, "perturbed": 0},
      "suppressed_cells": {"primary": 2, "rate": 1, "secondary": 3}})");
    CHECK(disclosure_counts(report, Language::English) ==
          std::vector<std::string>{"Suppressed cells: 2 with a count below the threshold, 1 rate on too small a base, 3 more, so that no "
                                   "total reveals a hidden one.",
                                   "The indicator table has 55 rows: 50 published as computed, 4 suppressed, 1 with a denominator of "
                                   "zero."});
    CHECK(disclosure_counts(report, Language::German) ==
          std::vector<std::string>{"Gesperrte Zellen: 2 mit einer Fallzahl unter der Schwelle, 1 Quote mit zu kleiner Bezugsgröße, 3 "
                                   "weitere, damit keine Summe eine gesperrte Zelle verrät.",
                                   "Die Indikatortabelle hat 55 Zeilen: 50 wie berechnet veröffentlicht, 4 gesperrt, 1 mit dem Nenner "
                                   "null."});
}

TEST_CASE("disclosure counts: nothing suppressed, one row, cell-key rows, no sections", "[atlas][cellkey]") {
    const json none = json::parse(R"({
      "flags": {"ok": 1, "suppressed": 0, "zero_denominator": 0, "no_data": 0, "perturbed": 0},
      "suppressed_cells": {"primary": 0, "rate": 0, "secondary": 0}})");
    CHECK(disclosure_counts(none, Language::English) ==
          std::vector<std::string>{"No cell is suppressed.", "The indicator table has 1 row: 1 published as computed."});
    CHECK(disclosure_counts(none, Language::German) ==
          std::vector<std::string>{"Keine Zelle ist gesperrt.", "Die Indikatortabelle hat 1 Zeile: 1 wie berechnet veröffentlicht."});

    const json perturbed = json::parse(R"({"flags": {"ok": 0, "perturbed": 12, "no_data": 2},
                                           "suppressed_cells": {"primary": 0, "rate": 2, "secondary": 0}})");
    CHECK(disclosure_counts(perturbed, Language::English) ==
          std::vector<std::string>{"Suppressed cells: 2 rates on too small a base.",
                                   "The indicator table has 14 rows: 2 without data, 12 perturbed by the cell-key method."});

    CHECK(disclosure_counts(json::parse(R"({"flags": {}})"), Language::English) ==
          std::vector<std::string>{"The indicator table has 0 rows."});
    CHECK(disclosure_counts(json::object(), Language::English).empty());
}

}  // namespace disclosure_counts_test
