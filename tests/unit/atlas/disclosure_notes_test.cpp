// The method page's disclosure notes (issue #17): per published indicator the
// method that protected it and what it means for the reader; a ptable file by
// its name only; older reports without per-indicator entries.
#include "regio/atlas/disclosure_notes.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace disclosure_notes_test {

using namespace regio::atlas;
using Catch::Matchers::Contains;
using json = nlohmann::ordered_json;

namespace {

json mixed_report() {
    return json::parse(R"({
      "protection": [
        {"indicator": "foreign_share", "method": "cell-key",
         "ptable": {"max_perturbation": 4, "variance": 2.5, "min_published": 3, "p_stay": 0.2},
         "min_published": 3, "max_perturbation": 4},
        {"indicator": "employment_rate", "method": "suppression", "t_min": 10, "min_denominator": 20,
         "suppressed_cells": {"primary": 1, "rate": 0, "secondary": 1}},
        {"indicator": "audited", "method": "cell-key", "ptable": {"file": "/home/office/secret/ptable_2024.csv"},
         "min_published": 2, "max_perturbation": 3}
      ]})");
}

}  // namespace

TEST_CASE("disclosure notes: each indicator's method and what it means", "[atlas][cellkey]") {
    const auto notes = disclosure_notes({mixed_report()}, {{"foreign_share", "Share of foreign citizens"}}, Language::English);
    REQUIRE(notes.size() == 3);
    CHECK(notes[0] ==
          "Share of foreign citizens: cell-key method (D = 4, V = 2.5, js = 3, p_stay = 0.2). Every value is published; each count "
          "has had a small random amount added, at most 4 up or down, and no published count lies between 0 and 3 (exclusive). "
          "The same people get the same noise in every table, so comparing tables reveals nothing. Rates are computed from the "
          "perturbed counts; totals are cells with noise of their own, so the parts need not add up to the published total.");
    CHECK(notes[1] ==
          "employment_rate: suppression. Counts below 10 are not published, nor rates on a base below 20; further cells are hidden "
          "where a total would reveal a hidden one. Published values are exact.");
    // A ptable file by its name: not where it lay.
    CHECK_THAT(notes[2], Contains("audited: cell-key method (perturbation table ptable_2024.csv, D = 3, js = 2)"));
    CHECK_THAT(notes[2], Contains("at most 3 up or down"));
    CHECK(notes[2].find("secret") == std::string::npos);
}

TEST_CASE("disclosure notes: German, the last step's entry, older reports", "[atlas][cellkey]") {
    const auto de = disclosure_notes({mixed_report()}, {}, Language::German);
    CHECK_THAT(de[0], Contains("foreign_share: Cell-Key-Verfahren (D = 4, V = 2,5, js = 3, p_stay = 0,2)"));
    CHECK_THAT(de[0], Contains("höchstens 4 nach oben oder unten"));
    CHECK_THAT(de[1], Contains("Fallzahlen unter 10"));
    // An indicator in two steps: the later step's method is the published one.
    const json later = json::parse(R"({"protection": [{"indicator": "employment_rate", "method": "cell-key",
                                       "ptable": {"max_perturbation": 2, "variance": 1, "min_published": 2, "p_stay": null},
                                       "min_published": 2, "max_perturbation": 2}]})");
    const auto both = disclosure_notes({mixed_report(), later}, {}, Language::English);
    REQUIRE(both.size() == 3);
    CHECK_THAT(both[1], Contains("employment_rate: cell-key method (D = 2, V = 1, js = 2, p_stay = free)"));
    // Reports written before per-indicator methods: one note for all.
    const json old_suppression = json::parse(R"({"disclosure": {"t_min": 5, "publish_zero": true, "complement_check": true}})");
    CHECK(disclosure_notes({old_suppression}, {}, Language::English) ==
          std::vector<std::string>{"All indicators: suppression. Counts below 5 are not published, nor rates on a base below 5; further "
                                   "cells are hidden where a total would reveal a hidden one. Published values are exact."});
    const json old_cell_key = json::parse(R"({"disclosure": {"t_min": 10}, "cell_key": {"method": "cell-key",
        "ptable": {"max_perturbation": 4, "variance": 2.5, "min_published": 3, "p_stay": 0.2}, "min_published": 3}})");
    CHECK_THAT(disclosure_notes({old_cell_key}, {}, Language::English)[0], Contains("All indicators: cell-key method (D = 4, V = 2.5"));
}

}  // namespace disclosure_notes_test
