#pragma once
// The library's Stopwatch (regio/stopwatch.hpp), for the commands whose
// orchestration still lives in src/cli/.
#include "regio/stopwatch.hpp"

namespace regio::cli {
using regio::Stopwatch;
}  // namespace regio::cli
