#pragma once
// The last line of defence for "no output ever holds invalid UTF-8": every
// finished output is checked before it is renamed into place (OutputPlan::
// commit). Readers check and transcode their text first; this catches what
// they missed, so a GeoPackage or CSV that GDAL, SQLite or pandas would
// reject is never published.
#include <filesystem>
#include <string>

namespace regio::io {

// Text outputs (csv, svg, json, ...) byte by byte; GeoPackages by their
// layer, field and text values (layer_styles included). Throws DataError
// naming `shown` (the final name) and where in it.
void check_output_utf8(const std::filesystem::path& temp, const std::string& shown);

}  // namespace regio::io
