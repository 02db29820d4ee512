#pragma once
// The stopwatch moved into the library (regio/stopwatch.hpp) with the
// operations that time their steps; commands still timing in the CLI use it
// from here.
#include "regio/stopwatch.hpp"

namespace regio::cli {

using regio::Stopwatch;

}  // namespace regio::cli
