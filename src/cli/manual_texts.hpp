#pragma once
// The reference prose of the man pages: one text per command in
// src/cli/manual/ (aggregate-points.txt, ...; regio.txt for `man regio`),
// written in the small markup of manual_markup.hpp and embedded at build time
// by src/cli/embed_manual.cmake.
#include <string>
#include <string_view>
#include <vector>

namespace regio::cli {

// The text of a page ("aggregate-points", "regio"); empty when there is none.
std::string_view manual_text(std::string_view page);

// The names of all embedded texts, sorted.
std::vector<std::string> manual_text_names();

}  // namespace regio::cli
