# Unity builds (issue #13: .ci/run under 25 minutes on 2 cores).
#
# With small files of one responsibility each (the brief's rule), most of a
# full build is spent parsing the same headers again: GDAL, GEOS, fmt,
# nlohmann/json, CLI11, catch.hpp and the standard library, once per file.
# A unity build compiles each target's sources in batches of
# REGIO_UNITY_BATCH files, one translation unit a batch, so each batch parses
# them once. Measured on the sanitizer stage (tools/sanitize, 2 cores, GCC
# 12 at -O0): see tools/bench/README.md, "CI time".
#
# What it asks of the code: names local to a file must not clash with
# another file's in the same batch. Library files give their file-local
# constants and helpers names of their own (kAtlasFooter, not kFooter);
# each test file keeps its body in a namespace named after the file
# (tests/README.md), so its helpers and using-directives stay its own.
# Catch's main files are left out of the batches: catch.hpp must see
# CATCH_CONFIG_MAIN or CATCH_CONFIG_RUNNER first.
#
# REGIO_UNITY follows REGIO_PCH's rule (cmake/precompiled_headers.cmake): ON
# for builds without a compiler launcher (CI, the README's test command),
# OFF with one, where ccache gives fast rebuilds file by file and a changed
# file should not recompile its whole batch. Turn it off by hand
# (-DREGIO_UNITY=OFF) for an edit-compile loop without ccache.
option(REGIO_UNITY "Compile each target in batches of files (default: ON unless a compiler launcher such as ccache is set)"
  ${regio_fast_full_build_default})
set(REGIO_UNITY_BATCH 16 CACHE STRING "Files per translation unit in a unity build (REGIO_UNITY)")
if(REGIO_UNITY)
  set(CMAKE_UNITY_BUILD ON)
  set(CMAKE_UNITY_BUILD_BATCH_SIZE ${REGIO_UNITY_BATCH})
endif()

# regio_catch_main(FILE...): FILE defines Catch's main or runner, so it is
# compiled on its own, without the precompiled header or a unity batch.
function(regio_catch_main)
  set_source_files_properties(${ARGN} PROPERTIES SKIP_PRECOMPILE_HEADERS ON SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
