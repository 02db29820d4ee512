#include "regio/regions/region_cache.hpp"

#include "regio/io/input_spec.hpp"
#include "regio/io/sha256.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <optional>

namespace regio::regions {
namespace {

struct CacheKey {
    std::string file;  // canonical path
    std::string key;
};

// The key of a region set, or nullopt when it cannot be cached (a database,
// or anything that is not a plain file).
std::optional<CacheKey> cache_key(const RegionSource& options) {
    const io::InputSpec spec = options.input();
    if (io::is_data_source_name(spec.path) || !std::filesystem::is_regular_file(spec.path)) return std::nullopt;
    const std::string path = std::filesystem::canonical(spec.path).string();
    // Each part with its length first: no two different settings make one key.
    std::string key;
    for (const std::string& part : {path, spec.layer, spec.sql, spec.encoding, options.id})
        key += fmt::format("{}:{};", part.size(), part);
    key += fmt::format("{};{:a};", options.allow_overlaps ? 1 : 0, options.overlap_tolerance);
    return CacheKey{path, key + io::sha256_file(path)};
}

}  // namespace

CheckedRegions RegionCache::load(const RegionSource& options, unsigned threads, const WarningFn& warn) {
    const std::optional<CacheKey> key = cache_key(options);
    if (!key) {
        ++m_loads;
        return load_checked_regions(options, threads, warn);
    }
    if (const auto it = m_sets.find(key->key); it != m_sets.end()) {
        ++m_shared;
        if (warn)
            for (const auto& w : it->second.set->warnings) warn(w);
        return *it->second.set;
    }
    ++m_loads;
    auto loaded = std::make_shared<const CheckedRegions>(load_checked_regions(options, threads, warn));
    m_sets.emplace(key->key, Held{key->file, loaded});
    return *loaded;
}

void RegionCache::release_all_but(const std::set<std::string>& still_read) {
    for (auto it = m_sets.begin(); it != m_sets.end();)
        if (still_read.count(it->second.file)) {
            ++it;
        } else {
            it = m_sets.erase(it);
            ++m_released;
        }
}

}  // namespace regio::regions
