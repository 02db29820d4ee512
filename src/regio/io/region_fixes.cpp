#include "regio/io/region_fixes.hpp"

#include "regio/error.hpp"

#include <charconv>

namespace regio::io {

RegionFixes parse_region_fixes(const std::vector<std::string>& set_ids, const std::vector<std::int64_t>& skips,
                               const std::string& set_option, const std::string& skip_option) {
    RegionFixes fixes;
    fixes.set_option = set_option;
    fixes.skip_option = skip_option;
    for (const auto& pair : set_ids) {
        const auto eq = pair.find('=');
        std::int64_t fid = 0;
        const char* end = eq == std::string::npos ? nullptr : pair.data() + eq;
        const auto [ptr, ec] = end ? std::from_chars(pair.data(), end, fid) : std::from_chars_result{nullptr, std::errc::invalid_argument};
        if (!end || ec != std::errc() || ptr != end || eq + 1 == pair.size())
            throw UsageError(set_option + " takes FID=VALUE (a feature id, then the region id it gets), not '" + pair + "'");
        if (!fixes.new_ids.emplace(fid, pair.substr(eq + 1)).second)
            throw UsageError(set_option + " names feature " + std::to_string(fid) + " twice");
    }
    for (const std::int64_t fid : skips) {
        if (!fixes.skipped.insert(fid).second) throw UsageError(skip_option + " names feature " + std::to_string(fid) + " twice");
        if (fixes.new_ids.count(fid))
            throw UsageError("feature " + std::to_string(fid) + " is given both " + set_option + " and " + skip_option + ": choose one");
    }
    return fixes;
}

}  // namespace regio::io
