#pragma once
// What the steps of one `regio run` share (issue #13): they run in one
// process, and steps that read the same region layer share one loaded and
// checked region set. Owned by the run, passed down to each step's command
// when its command tree is built; nothing here outlives the run (no global
// state).
#include "regio/regions/region_cache.hpp"

namespace regio::cli {

struct RunContext {
    regions::RegionCache regions;
};

}  // namespace regio::cli
