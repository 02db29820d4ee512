#pragma once
// RAII owners for GDAL/OGR/OSR handles, and scoped capture of CPL errors so
// that GDAL's messages end up inside our exceptions instead of on stderr.
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "regio/error.hpp"

#include <memory>
#include <string>

namespace regio::io {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const noexcept {
        if (ds) GDALClose(GDALDataset::ToHandle(ds));
    }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* ct) const noexcept { OGRCoordinateTransformation::DestroyCT(ct); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// The layer of rows ExecuteSQL returned, released back to its dataset (which
// must outlive it: declare the owner of the dataset first).
struct ResultSetReleaser {
    GDALDataset* dataset = nullptr;
    void operator()(OGRLayer* layer) const noexcept {
        if (dataset && layer) dataset->ReleaseResultSet(layer);
    }
};
using ResultSetPtr = std::unique_ptr<OGRLayer, ResultSetReleaser>;

using FeaturePtr = OGRFeatureUniquePtr;
using GeometryPtr = OGRGeometryUniquePtr;

// Registers GDAL's drivers once. Safe to call repeatedly. It changes no
// configuration: that is the program's choice (apply_program_gdal_settings).
void ensure_gdal();

// The settings regio's programs (the regio binary, its test runners and
// tools) run GDAL with, applied once at start, before any thread exists:
// no .aux.xml files written beside inputs (GDAL_PAM_ENABLED=NO), and a 32 MB
// block cache unless the user set GDAL_CACHEMAX (rasters are read in row
// bands, so GDAL's default of 5 % of RAM would only let memory grow). A
// library user embedding regio keeps its own GDAL configuration.
void apply_program_gdal_settings();

// While alive, GDAL errors raised on this thread are recorded instead of
// printed. GDAL keeps its handler stack per thread.
class CplErrorCapture {
public:
    CplErrorCapture();
    ~CplErrorCapture();
    CplErrorCapture(const CplErrorCapture&) = delete;
    CplErrorCapture& operator=(const CplErrorCapture&) = delete;

    // The last failure message, or fallback when GDAL said nothing.
    [[nodiscard]] std::string last_error(const std::string& fallback = "unknown GDAL error") const;

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum number, const char* message);
    std::string m_last;
};

// Sets a GDAL configuration option for this thread while alive.
class ScopedThreadConfig {
public:
    ScopedThreadConfig(const char* key, const char* value) : m_key(key) {
        const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
        if (old) m_old = old;
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ScopedThreadConfig() { CPLSetThreadLocalConfigOption(m_key.c_str(), m_old.empty() ? nullptr : m_old.c_str()); }
    ScopedThreadConfig(const ScopedThreadConfig&) = delete;
    ScopedThreadConfig& operator=(const ScopedThreadConfig&) = delete;

private:
    std::string m_key;
    std::string m_old;
};

// Opens a vector dataset read-only; throws IoError naming the file.
DatasetPtr open_vector(const std::string& path);
// Opens a raster dataset read-only; throws IoError naming the file.
DatasetPtr open_raster(const std::string& path);
// The named layer, or the only layer when name is empty; throws DataError
// listing the layers otherwise.
OGRLayer& select_layer(GDALDataset& ds, const std::string& path, const std::string& name);

// The layer an input names: the result of its SQL (held by `result`), or the
// named or only layer. Throws DataError naming the source (without its
// password) and giving the server's message in one line when a query fails.
OGRLayer& input_layer(GDALDataset& ds, const std::string& path, const std::string& layer, const std::string& sql,
                      ResultSetPtr& result);

// GDAL's database drivers pass on server messages that span lines; an error
// is one line.
std::string one_line(std::string text);

// Index of a field (case-insensitive, as GDAL matches); throws DataError
// naming the field and listing the layer's fields.
int find_field(OGRLayer& layer, const std::string& name, const Where& where);

}  // namespace regio::io
