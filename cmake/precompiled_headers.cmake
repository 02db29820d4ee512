# Precompiled headers (issue #13: .ci/run under 25 minutes on 2 cores).
#
# A test file spends about a third of its compile time parsing catch.hpp and
# the standard headers; an operation file about as much on nlohmann/json,
# fmt and the standard headers. Each target below parses its set once into a
# precompiled header, which CMake force-includes into every source of that
# target, built with the target's own flags (a build directory with other
# flags, such as tools/sanitize's, makes its own).
#
# Only headers that pay are listed, measured file by file (CPU seconds, GCC
# 12, sanitizer flags at -O0): catch.hpp + the standard set saves ~25 % on
# test files; json + fmt + the standard set ~17 % on regio_steps files. json
# and fmt do not pay in the test targets: most test files do not include
# them, and with a precompiled header GCC instantiates and emits their inline
# code in every file (the "deferred" phase grew more than parsing shrank).
# CLI11 is left out of the CLI for the same reason: its namespace-scope
# validator objects are constructed in every file that sees it (a 0.5 s file
# took 4.5 s).
#
# REGIO_PCH defaults ON for builds without a compiler launcher (CI, the
# README's test command) and OFF with one: ccache does not cache compiles
# that use a precompiled header unless told to be sloppy about it
# (sloppiness pch_defines,time_macros), so with the team's
# -DCMAKE_CXX_COMPILER_LAUNCHER=ccache every file would be compiled again.
# With REGIO_PCH=OFF nothing is force-included, so a source that forgets an
# include still fails in the developers' builds.
option(REGIO_PCH "Precompile the heavy third-party headers (default: ON unless a compiler launcher such as ccache is set)"
  ${regio_fast_full_build_default})

# The standard headers most of regio's files include.
set(REGIO_PCH_STD <algorithm> <cmath> <cstdint> <filesystem> <fstream> <functional> <map> <memory>
  <optional> <set> <sstream> <stdexcept> <string> <string_view> <unordered_map> <utility> <vector>)

# regio_precompile_headers(TARGET HEADER...): TARGET's sources start from a
# precompiled header of the standard set and HEADER... (only headers every
# source of TARGET may include: GDAL only in io, CLI11 only in the CLI,
# catch.hpp only in the tests). No-op when REGIO_PCH is OFF.
function(regio_precompile_headers target)
  if(REGIO_PCH)
    target_precompile_headers(${target} PRIVATE ${REGIO_PCH_STD} ${ARGN})
  endif()
endfunction()
