#pragma once
// Whether a source opens as vector data: crosswalk build's --weights names
// either points (a text table or any vector layer) or a raster, and the
// difference is what GDAL makes of it.
#include <string>

namespace regio::io {

// True when `path` opens with OGR and has at least one layer. GDAL's errors
// are swallowed: a raster or an unreadable file is simply not vector data.
bool opens_as_vector_layers(const std::string& path);

}  // namespace regio::io
