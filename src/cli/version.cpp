#include "commands.hpp"

#include "regio/geometry/geos_context.hpp"
#include "regio/io/library_versions.hpp"

#include <fmt/format.h>

#ifndef REGIO_VERSION
#define REGIO_VERSION "unknown"
#endif

namespace regio::cli {

std::string version_text() {
    return fmt::format("regio {}\nGDAL {}\nGEOS {}\nPROJ {}", REGIO_VERSION, io::gdal_version(),
                       geometry::geos_version(), io::proj_version());
}

}  // namespace regio::cli
