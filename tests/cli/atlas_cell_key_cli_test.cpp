// The atlas of a run with two disclosure methods (issue #17): the method page
// says per indicator which method protected it, with the cell-key parameters
// and what they mean for the reader (tests/data/atlas/pipeline_cell_key.toml:
// the foreign share perturbed, the employment rate suppressed), perturbed
// values are shown like any other with their footnote, and the German site
// says the same.
#include "pipeline_fixtures.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace atlas_cell_key_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

TEST_CASE("atlas: the method page names each indicator's disclosure method", "[cli][atlas][cellkey]") {
    TempDir tmp;
    const fs::path out = run_atlas_test_pipeline(tmp, "pipeline_cell_key.toml");
    const std::string method = read_file(out / "atlas" / "method.html");
    CHECK_THAT(method, Contains("<p>Share of foreign citizens (all ages): cell-key method (D = 3, V = 2, js = 3, p_stay = free). Every value is "
                                "published; each count has had a small random amount added, at most 3 up or down, and no published "
                                "count lies between 0 and 3 (exclusive)."));
    CHECK_THAT(method, Contains("so the parts need not add up to the published total.</p>"));
    CHECK_THAT(method, Contains("<p>Employment rate (20-64): suppression. Counts below 1000 are not published, nor rates on a base below 1000;"));
    // What protection did to the table, in sentences (not the report's keys).
    CHECK_THAT(method, Contains("<p>Suppressed cells: 1 with a count below the threshold, 1 more, so that no total reveals a hidden "
                                "one.</p>"));
    CHECK_THAT(method, Contains("<p>The indicator table has 20 rows: 11 published as computed, 4 suppressed, 5 perturbed by the "
                                "cell-key method.</p>"));
    CHECK(method.find("rows by flag") == std::string::npos);
    CHECK(method.find("t_min =") == std::string::npos);

    // The perturbed share is published for every region, footnoted as perturbed.
    const std::string indicators = read_file(out / "indicators.csv");
    CHECK_THAT(indicators, Contains("A2,foreign_share,foreign,"));
    CHECK(indicators.find(",foreign_share,foreign,,") == std::string::npos);  // no row without a value
    bool footnote = false;
    for (const auto& e : fs::recursive_directory_iterator(out / "atlas"))
        if (e.path().filename().string().find("foreign_share") != std::string::npos)
            footnote = footnote || read_file(e.path()).find("published with small random noise (cell-key method)") != std::string::npos;
    CHECK(footnote);

    const fs::path german = tmp / "de";
    const RunResult de = run_regio({"atlas", out.string(), "-o", german.string(), "--lang", "de", "--quiet"});
    INFO("stderr: " << de.err);
    REQUIRE(de.exit_code == 0);
    const std::string methode = read_file(german / "method.html");
    CHECK_THAT(methode, Contains("Share of foreign citizens (all ages): Cell-Key-Verfahren (D = 3, V = 2, js = 3, p_stay = frei)"));
    CHECK_THAT(methode, Contains("Employment rate (20-64): Sperrung (Zellsperrung). Fallzahlen unter 1000"));
    CHECK_THAT(methode, Contains("<p>Gesperrte Zellen: 1 mit einer Fallzahl unter der Schwelle, 1 weitere, damit keine Summe eine "
                                 "gesperrte Zelle verrät.</p>"));
    CHECK_THAT(methode, Contains("<p>Die Indikatortabelle hat 20 Zeilen: 11 wie berechnet veröffentlicht, 4 gesperrt, 5 mit dem "
                                 "Cell-Key-Verfahren überlagert.</p>"));
}

}  // namespace atlas_cell_key_cli_test
