#pragma once
// The method page's counts of what disclosure control did to the last
// indicators step's table, in sentences a reader can follow: how many cells
// were suppressed and why, and what became of the table's rows (published
// as computed, suppressed, perturbed, without data). Read from that step's
// report (`suppressed_cells`, `flags`); the rules themselves are described
// per indicator by disclosure_notes.hpp.
#include "regio/atlas/site_text.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::atlas {

// Up to two sentences: the suppressed cells, then the table's rows; a
// report without those sections gives none.
std::vector<std::string> disclosure_counts(const nlohmann::ordered_json& report, Language language);

}  // namespace regio::atlas
