#pragma once
// Fixes to a regions layer applied while it is read (issue #18 item 2): a
// feature given another id (--set-id FID=VALUE) or left out (--skip-feature
// FID), so that a duplicated id can be settled without leaving regio. Applied
// before the duplicate check; each use is recorded for the run report.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace regio::io {

struct RegionFixes {
    std::map<std::int64_t, std::string> new_ids;  // FID -> the id it gets
    std::set<std::int64_t> skipped;               // FIDs left out
    // The options as the command names them, for messages and hints.
    std::string set_option = "--set-id";
    std::string skip_option = "--skip-feature";

    [[nodiscard]] bool empty() const { return new_ids.empty() && skipped.empty(); }
};

// One fix as applied: the feature, the id it had, and its new id (none: skipped).
struct AppliedFix {
    std::int64_t fid = 0;
    std::string old_id;
    std::optional<std::string> new_id;
};

// From the options' text: "FID=VALUE" pairs and FIDs. Throws UsageError
// (naming `set_option` or `skip_option`) on a malformed pair, an FID given
// twice, or an FID both renamed and skipped.
RegionFixes parse_region_fixes(const std::vector<std::string>& set_ids, const std::vector<std::int64_t>& skips,
                               const std::string& set_option = "--set-id", const std::string& skip_option = "--skip-feature");

}  // namespace regio::io
