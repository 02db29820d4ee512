#pragma once
// The method page's disclosure-control section (issue #17): for each
// published indicator, which method protected it and what that means for
// the reader. Suppression: the threshold and that hidden values appear
// nowhere. Cell-key: its parameters D, V, js, p_stay (or the ptable file's
// name and the largest change it allows; never the salt, which no report
// holds), that values are perturbed by at most D and that parts need not add
// up to totals. Read from the `protection` list of the indicators steps'
// reports; reports without it (written before per-indicator methods) give
// one paragraph for all indicators from their `disclosure` / `cell_key`
// sections.
#include "regio/atlas/site_text.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace regio::atlas {

// `reports` in step order; an indicator named in several takes the last
// (as the atlas takes its series from the last table). `labels` maps
// indicator names to the labels the pages show (a name without one is shown
// as it is).
std::vector<std::string> disclosure_notes(const std::vector<nlohmann::ordered_json>& reports,
                                          const std::map<std::string, std::string>& labels, Language language);

}  // namespace regio::atlas
