#pragma once
// Region sets loaded and checked once per `regio run` (issue #13): steps that
// read the same layer with the same options share one read, repair, index and
// overlap check. A set is keyed by everything that changes the result: the
// source's path, layer, query, encoding, id field, overlap policy and
// tolerance, and the SHA-256 of the file's content (so a file rewritten by an
// earlier step is read again). Database sources are never cached. Each step
// gets its own copy: a step may change its regions without affecting another.
#include "regio/regions/checked_regions.hpp"
#include "regio/regions/region_source.hpp"

#include <map>
#include <memory>
#include <string>

namespace regio::regions {

class RegionCache {
public:
    // The checked regions of `options`: from the cache, or loaded (and kept).
    // Warnings go to `warn`, as load_checked_regions passes them (a shared
    // set's warnings again, so each step shows and reports its own).
    CheckedRegions load(const RegionSource& source, unsigned threads, const WarningFn& warn);

    // How many region sets were loaded, and how many loads the cache saved.
    [[nodiscard]] int loads() const { return m_loads; }
    [[nodiscard]] int shared() const { return m_shared; }

private:
    std::map<std::string, std::shared_ptr<const CheckedRegions>> m_sets;
    int m_loads = 0;
    int m_shared = 0;
};

}  // namespace regio::regions
