// The unit-test runner: Catch2's own, after the GDAL settings regio's
// programs use (the library leaves GDAL's configuration to its program).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "regio/io/gdal_handles.hpp"

int main(int argc, char** argv) {
    regio::io::apply_program_gdal_settings();
    return Catch::Session().run(argc, argv);
}
