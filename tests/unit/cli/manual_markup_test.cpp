// The markup of the man page texts (src/cli/manual/*.txt) -> roff: sections,
// paragraphs, nested lists, code blocks, tables, inline code and escapes.
#include "cli/manual_markup.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace manual_markup_test {

using regio::cli::manual_sections;

TEST_CASE("manual markup: sections, with DESCRIPTION first", "[manual]") {
    const auto sections = manual_sections("First.\n\n# NOTES\n\nA note.\n## Sub\nMore.\n");
    REQUIRE(sections.size() == 2);
    CHECK(sections[0].title == "DESCRIPTION");
    CHECK(sections[0].roff == ".PP\nFirst.\n");
    CHECK(sections[1].title == "NOTES");
    CHECK(sections[1].roff == ".PP\nA note.\n.SS Sub\n.PP\nMore.\n");
    // No text: an empty description only.
    const auto empty = manual_sections("");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].roff.empty());
}

TEST_CASE("manual markup: lists nest, continue and end", "[manual]") {
    const std::string text =
        "* **One**: first\n  continued\n  * nested\n* two\n\n  more of two\n\nAfter.\n";
    CHECK(manual_sections(text)[0].roff ==
          ".IP \\(bu 2\n\\fB\\%One\\fR: first\ncontinued\n.RS\n.IP \\(bu 2\nnested\n.RE\n.IP \\(bu 2\ntwo\n"
          ".IP\nmore of two\n.PP\nAfter.\n");
}

TEST_CASE("manual markup: a paragraph indented as an outer item leaves the nested list", "[manual]") {
    CHECK(manual_sections("* outer\n  * inner\n\n  outer again\n")[0].roff ==
          ".IP \\(bu 2\nouter\n.RS\n.IP \\(bu 2\ninner\n.RE\n.IP\nouter again\n");
}

TEST_CASE("manual markup: code blocks are shown as typed", "[manual]") {
    const std::string text = "Run:\n\n  ```\n  regio map `x` --a\n  .hidden \\ back\n  ```\n";
    CHECK(manual_sections(text)[0].roff ==
          ".PP\nRun:\n.sp\n.RS 4\n.nf\nregio map `x` \\-\\-a\n\\&.hidden \\e back\n.fi\n.RE\n");
}

TEST_CASE("manual markup: tables become tagged paragraphs without the header", "[manual]") {
    const std::string text = "| key | type | meaning |\n| --- | --- | --- |\n| `a|b` | string | free |\n| | x | y |\n";
    CHECK(manual_sections(text)[0].roff == ".TP\n\\fB\\%a|b\\fR\nstring; free\n.TP\n\\&\nx; y\n");
}

TEST_CASE("manual markup: inline code, escapes and characters beyond ASCII", "[manual]") {
    CHECK(manual_sections("'quoted' `--x` a \\ b ≥ 1 **unclosed\n")[0].roff ==
          ".PP\n\\&'quoted' \\fB\\%\\-\\-x\\fR a \\e b \\[u2265] 1 **unclosed\n");
    // A list of names in code may break after its commas.
    CHECK(manual_sections("`a,b`\n")[0].roff == ".PP\n\\fB\\%a,\\:b\\fR\n");
    // References to other pages, as man pages write them.
    CHECK(manual_sections("see regio-crosswalk-apply(1) and regio(1)\n")[0].roff ==
          ".PP\nsee \\fB\\%regio\\-crosswalk\\-apply\\fR(1) and \\fB\\%regio\\fR(1)\n");
    // A line starting with a dot is not a roff request.
    CHECK(manual_sections(".profile\n")[0].roff == ".PP\n\\&.profile\n");
}

}  // namespace manual_markup_test
