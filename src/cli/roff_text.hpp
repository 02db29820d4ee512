#pragma once
// Text made safe for roff (man pages): shared by the generated option
// reference (manual.cpp) and the prose of src/cli/manual/ (manual_markup.cpp).
#include <string>

namespace regio::cli {

// roff treats a backslash as an escape and a leading '.' or '\'' as a
// request; text must not be read as either. Characters beyond ASCII (×, ∩,
// ², –) become \[uXXXX], which groff renders in every locale without preconv.
std::string roff_text(const std::string& text);

}  // namespace regio::cli
