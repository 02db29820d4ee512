// Real-data checks read ../shared/data in place. When it is absent the run
// exits with 77, which ctest reports as skipped (SKIP_RETURN_CODE).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "regio/io/gdal_handles.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    if (!std::filesystem::exists(REGIO_SHARED_DATA)) {
        std::cout << "skipped: " << REGIO_SHARED_DATA << " is absent\n";
        return 77;
    }
    ::setenv("GDAL_PAM_ENABLED", "NO", 1);  // also for the regio and ogr2ogr processes the checks start
    regio::io::apply_program_gdal_settings();
    return Catch::Session().run(argc, argv);
}
