#pragma once
// The small markup of the man page texts in src/cli/manual/, converted to
// roff (man macros). Close to Markdown, so prose moves between the README and
// the pages unchanged:
//
//   # NOTES            starts a section of the page (text before the first
//                      heading is the DESCRIPTION); "## Title" a subsection
//   (blank line)       ends a paragraph, list item or table
//   text               paragraph text, filled by roff
//   * item             a bulleted item; continuation lines are indented by two
//                      spaces; an item indented by two more spaces is nested;
//                      an indented paragraph after a blank line stays in the item
//   ```                fences a code block, shown as typed and indented
//   | a | b | c |      a table row, shown as the term a and its text "b; c";
//                      a header row (followed by "| --- |") is left out
//   `code`, **bold**   inline, both set in bold
#include <string>
#include <vector>

namespace regio::cli {

struct ManualSection {
    std::string title;  // "DESCRIPTION", "NOTES", ...
    std::string roff;   // the section's body, ready for the page after ".SH title"
};

// The sections of a text, in order; the first is "DESCRIPTION" (possibly empty).
std::vector<ManualSection> manual_sections(const std::string& markup);

}  // namespace regio::cli
