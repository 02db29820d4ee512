#include "regio/io/table_format.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_file.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace regio::io {
namespace {

struct FormatName {
    TableFormat format;
    const char* key;        // --of value and extension
    const char* extension;  // a second extension, or ""
    const char* driver;
};

constexpr std::array<FormatName, 6> kFormats{{
    {TableFormat::Csv, "csv", "", ""},
    {TableFormat::GeoPackage, "gpkg", "", "GPKG"},
    {TableFormat::FlatGeobuf, "fgb", "", "FlatGeobuf"},
    {TableFormat::GeoJson, "geojson", "json", "GeoJSON"},
    {TableFormat::Parquet, "parquet", "", "Parquet"},
    {TableFormat::PostGis, "postgis", "", "PostgreSQL"},
}};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const FormatName& entry(TableFormat format) {
    return *std::find_if(kFormats.begin(), kFormats.end(), [format](const FormatName& f) { return f.format == format; });
}

const char* kChoices = "csv, gpkg, fgb, geojson, parquet (or -o PG:... --output-layer NAME)";

}  // namespace

const char* format_key(TableFormat format) { return entry(format).key; }
const char* driver_name(TableFormat format) { return entry(format).driver; }
bool has_geometry(TableFormat format) { return format != TableFormat::Csv; }

TableFormat table_format(const std::string& option, const std::string& path, const std::string& requested) {
    const std::string shown = (option == "-o" || option == "--output" ? "output" : option) + " " + redact_secrets(path);
    const bool database = path.rfind("PG:", 0) == 0;
    TableFormat format = TableFormat::Csv;
    if (!requested.empty()) {
        const std::string want = lower(requested);
        const auto it = std::find_if(kFormats.begin(), kFormats.end(), [&want](const FormatName& f) {
            return want == f.key || want == lower(f.driver) || (*f.extension && want == f.extension);
        });
        if (it == kFormats.end() || (it->format == TableFormat::PostGis) != database)
            throw UsageError("--of " + requested + ": unknown output format", {}, std::string("choose one of ") + kChoices);
        format = it->format;
    } else if (database) {
        format = TableFormat::PostGis;
    } else {
        const std::string ext = extension_of(path);
        const auto it = std::find_if(kFormats.begin(), kFormats.end(), [&ext](const FormatName& f) {
            return f.format != TableFormat::PostGis && (ext == f.key || (*f.extension && ext == f.extension));
        });
        if (it == kFormats.end())
            throw UsageError(shown + ": unknown format '" + ext + "'", {},
                             "use a .csv, .gpkg, .fgb, .geojson or .parquet name, or --of FORMAT");
        format = it->format;
    }
    if (format != TableFormat::Csv) {
        ensure_gdal();
        if (!GetGDALDriverManager()->GetDriverByName(driver_name(format)))
            throw IoError(std::string("this GDAL has no ") + driver_name(format) + " driver: cannot write " + format_key(format),
                          Where{redact_secrets(path)}, "write .gpkg, .fgb, .geojson or .csv instead");
    }
    return format;
}

}  // namespace regio::io
