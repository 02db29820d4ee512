#pragma once
// Region sets loaded and checked once per `regio run` (issue #13): steps that
// read the same layer with the same options share one read, repair, index and
// overlap check. A set is keyed by everything that changes the result: the
// source's path, layer, query, encoding, id field, overlap policy and
// tolerance, and the SHA-256 of the file's content (so a file rewritten by an
// earlier step is read again). Database sources are never cached. Each step
// gets its own copy: a step may change its regions without affecting another.
// The run releases a set once no later step reads its file, so a long
// pipeline over many layers holds only those still to be read.
#include "regio/regions/checked_regions.hpp"
#include "regio/regions/region_source.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>

namespace regio::regions {

class RegionCache {
public:
    // The checked regions of `options`: from the cache, or loaded (and kept).
    // Warnings go to `warn`, as load_checked_regions passes them (a shared
    // set's warnings again, so each step shows and reports its own).
    CheckedRegions load(const RegionSource& source, unsigned threads, const WarningFn& warn);

    // Drops the sets read from files not in `still_read` (canonical paths, as
    // std::filesystem::weakly_canonical gives them): no later step reads them.
    void release_all_but(const std::set<std::string>& still_read);

    // How many region sets were loaded, how many loads the cache saved, how
    // many sets were released before the run ended, and how many it holds.
    [[nodiscard]] int loads() const { return m_loads; }
    [[nodiscard]] int shared() const { return m_shared; }
    [[nodiscard]] int released() const { return m_released; }
    [[nodiscard]] std::size_t held() const { return m_sets.size(); }

private:
    struct Held {
        std::string file;  // canonical path of the set's file
        std::shared_ptr<const CheckedRegions> set;
    };
    std::map<std::string, Held> m_sets;  // by cache key
    int m_loads = 0;
    int m_shared = 0;
    int m_released = 0;
};

}  // namespace regio::regions
