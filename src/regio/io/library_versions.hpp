#pragma once
#include <string>

namespace regio::io {

std::string gdal_version();  // e.g. "3.6.2"
std::string proj_version();  // e.g. "9.1.1"

}  // namespace regio::io
